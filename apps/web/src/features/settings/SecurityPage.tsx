import { useQuery } from 'urql';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { EmailSection, EmailSection_viewer } from './EmailSection';
import { PasskeysSection, PasskeysSection_viewer } from './PasskeysSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection, SessionsSection_viewer } from './SessionsSection';
import styles from './Settings.module.css';
import { SettingsNav } from './SettingsNav';
import { TwoFactorSection } from './TwoFactorSection';

export const SecurityQuery = graphql(
  `
  query Security {
    viewer {
      ...EmailSection_viewer
      twoFactorEnabled
      recoveryCodesLeft
      ...PasskeysSection_viewer
      ...SessionsSection_viewer
    }
  }
`,
  [EmailSection_viewer, PasskeysSection_viewer, SessionsSection_viewer],
);

/**
 * /accounts/security: the password, the email address, two-factor authentication, passkeys, and where
 * the account is logged in.
 */
export default function SecurityPage() {
  const [{ data, error, fetching }] = useQuery({ query: SecurityQuery, requestPolicy: 'cache-and-network' });
  const viewer = data?.viewer;

  if (!viewer) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;

  return (
    <div className={styles.page}>
      <SettingsNav />
      <h1 className={styles.title}>Security</h1>
      <PasswordSection />
      <EmailSection viewer={viewer} />
      <TwoFactorSection
        twoFactorEnabled={viewer.twoFactorEnabled}
        recoveryCodesLeft={viewer.recoveryCodesLeft}
      />
      <PasskeysSection viewer={viewer} />
      <SessionsSection viewer={viewer} />
    </div>
  );
}
