import { useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { graphql } from '../../graphql';
import { PasswordDialog } from './PasswordDialog';
import { RecoveryCodes } from './RecoveryCodes';
import styles from './Settings.module.css';
import { TwoFactorSetup } from './TwoFactorSetup';

const BeginTwoFactorSetupMutation = graphql(`
  mutation BeginTwoFactorSetup($password: String!) {
    beginTwoFactorSetup(password: $password) { secret uri }
  }
`);

const DisableTwoFactorMutation = graphql(`
  mutation DisableTwoFactor($password: String!) {
    disableTwoFactor(password: $password)
  }
`);

const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes($password: String!) {
    regenerateRecoveryCodes(password: $password)
  }
`);

/** What the page shows beside the switch: a password prompt, the set-up, or fresh codes. */
type Flow =
  | { kind: 'idle' }
  | { kind: 'password'; purpose: 'enable' | 'disable' | 'regenerate' }
  | { kind: 'setup'; secret: string; uri: string }
  | { kind: 'codes'; codes: string[] };

const PROMPTS = {
  enable: {
    title: 'Turn on two-factor authentication',
    explanation: 'Enter your password to start setting up an authenticator app.',
    action: 'Continue',
  },
  disable: {
    title: 'Turn off two-factor authentication',
    explanation: 'Your account will be protected by your password alone. Enter your password to continue.',
    action: 'Turn off',
  },
  regenerate: {
    title: 'Get new recovery codes',
    explanation: 'Your current recovery codes will stop working. Enter your password to continue.',
    action: 'Get new codes',
  },
} as const;

/**
 * Two-factor authentication on or off, and the recovery codes: each change asks for the password, then
 * shows the set-up or the fresh codes below the card.
 */
export function TwoFactorSection({
  twoFactorEnabled,
  recoveryCodesLeft,
}: {
  twoFactorEnabled: boolean;
  recoveryCodesLeft: number;
}) {
  const [flow, setFlow] = useState<Flow>({ kind: 'idle' });
  const [, begin] = useMutation(BeginTwoFactorSetupMutation);
  const [, disable] = useMutation(DisableTwoFactorMutation);
  const [, regenerate] = useMutation(RegenerateRecoveryCodesMutation);
  const [notice, setNotice] = useState('');

  const confirmPassword = async (
    purpose: 'enable' | 'disable' | 'regenerate',
    password: string,
  ): Promise<CombinedError | undefined> => {
    if (purpose === 'enable') {
      const res = await begin({ password });
      if (res.data) setFlow({ kind: 'setup', ...res.data.beginTwoFactorSetup });
      return res.error;
    }
    if (purpose === 'disable') {
      const res = await disable({ password });
      if (!res.error) {
        setFlow({ kind: 'idle' });
        setNotice('Two-factor authentication is off.');
      }
      return res.error;
    }
    const res = await regenerate({ password });
    if (res.data) setFlow({ kind: 'codes', codes: res.data.regenerateRecoveryCodes });
    return res.error;
  };

  return (
    <>
      <section className={styles.card} aria-labelledby="two-factor-title">
        <div className={styles.switchRow}>
          <div>
            <h2 id="two-factor-title" className={styles.cardTitle}>
              Two-factor authentication
            </h2>
            <p className="muted">
              {twoFactorEnabled
                ? 'On. Logging in asks for a code from your authenticator app as well as your password.'
                : "Off. Add a code from an authenticator app to your password, so a stolen password isn't enough to log in."}
            </p>
          </div>
          <span className={`${styles.badge} ${twoFactorEnabled ? styles.badgeOn : ''}`}>
            {twoFactorEnabled ? 'On' : 'Off'}
          </span>
        </div>
        {twoFactorEnabled ? (
          <>
            <p className={styles.codesLeft}>
              {recoveryCodesLeft === 1 ? '1 recovery code left' : `${recoveryCodesLeft} recovery codes left`}
            </p>
            <div className={styles.row}>
              <button
                type="button"
                className="button secondary"
                onClick={() => setFlow({ kind: 'password', purpose: 'regenerate' })}
              >
                Get new recovery codes
              </button>
              <button
                type="button"
                className={`button secondary ${styles.dangerText}`}
                onClick={() => setFlow({ kind: 'password', purpose: 'disable' })}
              >
                Turn off two-factor authentication
              </button>
            </div>
          </>
        ) : (
          flow.kind !== 'setup' && (
            <div className={styles.row}>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setNotice('');
                  setFlow({ kind: 'password', purpose: 'enable' });
                }}
              >
                Turn on two-factor authentication
              </button>
            </div>
          )
        )}
        <p className={styles.status} role="status">
          {notice}
        </p>
      </section>
      {flow.kind === 'setup' && (
        <TwoFactorSetup
          setup={flow}
          onConfirmed={(codes) => setFlow({ kind: 'codes', codes })}
          onCancel={() => setFlow({ kind: 'idle' })}
        />
      )}
      {flow.kind === 'codes' && <RecoveryCodes codes={flow.codes} onDone={() => setFlow({ kind: 'idle' })} />}
      {flow.kind === 'password' && (
        <PasswordDialog
          {...PROMPTS[flow.purpose]}
          danger={flow.purpose === 'disable'}
          onConfirm={(password) => confirmPassword(flow.purpose, password)}
          onClose={() => setFlow({ kind: 'idle' })}
        />
      )}
    </>
  );
}
