import { useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Avatar } from '../../components/Avatar';
import { graphql, type ResultOf } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import type { CropBox } from '../create/crop';
import { AvatarCropDialog } from './AvatarCropDialog';
import styles from './EditProfile.module.css';
import type { EditProfileQuery } from './EditProfilePage';

const SetAvatarMutation = graphql(`
  mutation SetAvatar($input: SetAvatarInput!) {
    setAvatar(input: $input) {
      id
    }
  }
`);

const RemoveAvatarMutation = graphql(`
  mutation RemoveAvatar {
    removeAvatar {
      id
      avatar { thumbhash }
    }
  }
`);

// The avatar is rendered by a background job; ask again until it has changed.
const AvatarOfViewerQuery = graphql(`
  query AvatarOfViewer {
    viewer {
      user {
        id
        avatar { thumbhash dominantColor sources { url width format } }
      }
    }
  }
`);

const POLL_MS = 1000;
const POLL_TIMES = 20;

type Profile = NonNullable<ResultOf<typeof EditProfileQuery>['viewer']>['user'];

/** The profile photo with "Change profile photo" (pick, crop, upload) and "Remove current photo". */
export function AvatarSection({ profile }: { profile: Profile }) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [setting, setAvatar] = useMutation(SetAvatarMutation);
  const [removing, removeAvatar] = useMutation(RemoveAvatarMutation);

  const waitForNewAvatar = async (previous: string | null) => {
    for (let i = 0; i < POLL_TIMES; i++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const result = await client
        .query(AvatarOfViewerQuery, {}, { requestPolicy: 'network-only' })
        .toPromise();
      const avatar = result.data?.viewer?.user.avatar;
      if (avatar && avatar.thumbhash !== previous) return true;
    }
    return false;
  };

  const save = async (uploadId: string, crop: CropBox) => {
    setProblem(null);
    const result = await setAvatar({ input: { uploadId, crop } });
    if (result.error) {
      const fields = fieldErrorsOf(result.error);
      setProblem(fields.crop ?? fields.uploadId ?? errorMessage(result.error));
      setFile(null);
      return;
    }
    setFile(null);
    setStatus('Updating your profile photo…');
    const changed = await waitForNewAvatar(profile.avatar?.thumbhash ?? null);
    setStatus(
      changed ? 'Profile photo updated.' : 'Your new photo is still processing; it will appear shortly.',
    );
  };

  const remove = async () => {
    setProblem(null);
    const result = await removeAvatar({});
    if (result.error) setProblem(errorMessage(result.error));
    else setStatus('Profile photo removed.');
  };

  return (
    <section className={styles.avatarCard} aria-label="Profile photo">
      <Avatar user={profile} size={56} />
      <div className={styles.avatarNames}>
        <span className={styles.avatarUsername}>{profile.username}</span>
        <span className={styles.avatarName}>{profile.displayName}</span>
      </div>
      <div className={styles.avatarButtons}>
        <button
          type="button"
          className="button"
          disabled={setting.fetching}
          onClick={() => input.current?.click()}
        >
          Change profile photo
        </button>
        {profile.avatar && (
          <button
            type="button"
            className={`link-button ${styles.remove}`}
            disabled={removing.fetching}
            onClick={remove}
          >
            Remove current photo
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept="image/*,.heic,.heif"
        hidden
        onChange={(event) => {
          const picked = event.target.files?.[0];
          event.target.value = '';
          if (picked) {
            setStatus(null);
            setFile(picked);
          }
        }}
      />
      <p className={styles.avatarStatus} role="status">
        {status}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {file && (
        <AvatarCropDialog
          file={file}
          saving={setting.fetching}
          onCancel={() => setFile(null)}
          onSave={save}
        />
      )}
    </section>
  );
}
