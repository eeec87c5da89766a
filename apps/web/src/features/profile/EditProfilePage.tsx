import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Field, InputField } from '../../components/Field';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql, type ResultOf } from '../../graphql';
import { errorMessage, type FieldErrors, fieldErrorsOf } from '../../lib/errors';
import { characterCount } from '../create/autocomplete';
import { SettingsNav } from '../settings/SettingsNav';
import { AvatarSection } from './AvatarSection';
import styles from './EditProfile.module.css';

export const EditProfileQuery = graphql(`
  query EditProfile {
    viewer {
      user {
        id
        username
        displayName
        bio
        website
        isPrivate
        avatar { thumbhash dominantColor sources { url width format } }
      }
    }
  }
`);

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      bio
      bioEntities { kind start end value }
      website
      isPrivate
      followerCount
    }
  }
`);

const ChangeUsernameMutation = graphql(`
  mutation ChangeUsername($username: String!) {
    changeUsername(username: $username) {
      id
      username
    }
  }
`);

const BIO_MAX = 150;

type Profile = NonNullable<ResultOf<typeof EditProfileQuery>['viewer']>['user'];

const fieldClasses = { field: styles.field, label: styles.label, hint: styles.hint };

function EditProfileForm({ profile }: { profile: Profile }) {
  const [form, setForm] = useState({
    displayName: profile.displayName,
    username: profile.username,
    website: profile.website ?? '',
    bio: profile.bio,
    isPrivate: profile.isPrivate,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [update, updateProfile] = useMutation(UpdateProfileMutation);
  const [rename, changeUsername] = useMutation(ChangeUsernameMutation);
  const privateId = useId();
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setGeneral(null);
    const found: FieldErrors = {};
    const problems: string[] = [];
    if (form.username.trim() !== profile.username) {
      const result = await changeUsername({ username: form.username.trim() });
      if (result.error) {
        const fields = fieldErrorsOf(result.error);
        found.username = fields.username ?? errorMessage(result.error) ?? 'This username is not available';
      }
    }
    const result = await updateProfile({
      input: {
        displayName: form.displayName,
        bio: form.bio,
        website: form.website.trim(),
        isPrivate: form.isPrivate,
      },
    });
    if (result.error) {
      const fields = fieldErrorsOf(result.error);
      Object.assign(found, fields);
      if (Object.keys(fields).length === 0) problems.push(errorMessage(result.error) ?? '');
    }
    setErrors(found);
    setGeneral(problems.filter(Boolean).join(' ') || null);
    setSaved(Object.keys(found).length === 0 && problems.length === 0);
  };

  const bioCount = characterCount(form.bio);
  const busy = update.fetching || rename.fetching;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Edit profile">
      <InputField
        classes={fieldClasses}
        label="Name"
        error={errors.displayName}
        autoComplete="name"
        value={form.displayName}
        onChange={(e) => set('displayName', e.target.value)}
      />
      <InputField
        classes={fieldClasses}
        label="Username"
        error={errors.username}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={form.username}
        onChange={(e) => set('username', e.target.value)}
      />
      <InputField
        classes={fieldClasses}
        label="Website"
        error={errors.website}
        type="url"
        inputMode="url"
        placeholder="https://"
        autoComplete="url"
        value={form.website}
        onChange={(e) => set('website', e.target.value)}
      />
      <Field classes={fieldClasses} label="Bio" error={errors.bio} hint={`${bioCount} / ${BIO_MAX}`}>
        {(props) => (
          <textarea
            {...props}
            className={`field ${styles.bio}`}
            rows={3}
            value={form.bio}
            onChange={(e) => set('bio', e.target.value)}
          />
        )}
      </Field>
      <div className={styles.privacy}>
        <div className={styles.switchRow}>
          <label htmlFor={privateId} className={styles.label}>
            Private account
          </label>
          <input
            id={privateId}
            type="checkbox"
            className={styles.switch}
            checked={form.isPrivate}
            aria-describedby={`${privateId}-hint`}
            onChange={(e) => set('isPrivate', e.target.checked)}
          />
        </div>
        <p id={`${privateId}-hint`} className={styles.hint}>
          When your account is public, your profile and posts can be seen by anyone, on or off Glimpse. When
          it is private, only followers you approve can see your posts and your followers and following lists.
          Making a private account public approves every pending follow request.
        </p>
        {errors.isPrivate && (
          <p className="field-error" role="alert">
            {errors.isPrivate}
          </p>
        )}
      </div>
      <div className={styles.submitRow}>
        <p className={styles.saved} role="status">
          {saved ? 'Profile saved.' : ''}
        </p>
        <button type="submit" className={`button ${styles.submit}`} disabled={busy}>
          {busy ? 'Saving…' : 'Submit'}
        </button>
      </div>
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
    </form>
  );
}

/** /accounts/edit: photo, name, username, website, bio and privacy of the logged-in account. */
export default function EditProfilePage() {
  const [result] = useQuery({ query: EditProfileQuery, requestPolicy: 'cache-and-network' });
  const profile = result.data?.viewer?.user;
  if (!profile) return result.fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(result.error)}</p>;
  return (
    <div className={styles.page}>
      <SettingsNav />
      <h1 className={styles.title}>Edit profile</h1>
      <AvatarSection profile={profile} />
      <EditProfileForm key={profile.id} profile={profile} />
    </div>
  );
}
