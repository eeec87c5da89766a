import { useEffect, useState } from 'react';
import styles from './Settings.module.css';

/** A QR code drawn as SVG by uqr, which is fetched only when a set-up screen needs one. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('uqr').then(({ renderSVG }) => {
      if (live) setSvg(renderSVG(value, { ecc: 'M', border: 2 }));
    });
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div
      className={styles.qr}
      role="img"
      aria-label={label}
      // The SVG is built here from the set-up URI, never from markup someone else wrote.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: uqr's own SVG output
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
