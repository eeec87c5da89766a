import { useState } from 'react';
import styles from './Settings.module.css';

/** The one showing of fresh recovery codes: a list to copy, download or write down. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const [status, setStatus] = useState('');
  const text = `Glimpse recovery codes (each works once)\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Codes copied.');
    } catch {
      setStatus("Couldn't copy the codes. Select them and copy, or download them.");
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'glimpse-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus('Codes downloaded.');
  };

  return (
    <section className={styles.card} aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" className={styles.cardTitle}>
        Save your recovery codes
      </h2>
      <p className="muted">
        If you lose your phone, each of these codes lets you log in once instead of a code from your
        authenticator app. Keep them somewhere safe: this is the only time we'll show them.
      </p>
      <ul className={styles.codes} aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className={styles.row}>
        <button type="button" className="button secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button secondary" onClick={download}>
          Download
        </button>
        <button type="button" className={`button ${styles.push}`} onClick={onDone}>
          Done
        </button>
      </div>
      <p className={styles.status} role="status">
        {status}
      </p>
    </section>
  );
}
