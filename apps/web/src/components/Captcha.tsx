import type {} from 'altcha/types/react';
import { useEffect, useRef, useState } from 'react';
import styles from './Captcha.module.css';

/** The widget's web component (about 35 KB gz), fetched only by the screens that show it. */
let widgetModule: Promise<unknown> | null = null;
function loadWidget(): Promise<unknown> {
  widgetModule ??= import('altcha');
  return widgetModule;
}

/**
 * "I'm not a robot": the self-hosted ALTCHA proof-of-work widget. It fetches a challenge from GET
 * /captcha and solves it by itself as soon as it appears, so the person only sees it verify; the
 * solved payload goes up through `onChange` (null until verified, or again when it expires).
 * A payload works once: after a refused submission, change `attempt` for a fresh challenge.
 */
export function Captcha({
  onChange,
  error,
  attempt = 0,
}: {
  onChange: (payload: string | null) => void;
  error?: string;
  attempt?: number;
}) {
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const widget = useRef<HTMLElement>(null);
  const report = useRef(onChange);
  report.current = onChange;

  useEffect(() => {
    let live = true;
    loadWidget().then(
      () => live && setLoaded(true),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt is a new widget element
  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    report.current(null);
    const onState = (event: Event) => {
      const detail = (event as CustomEvent<{ state: string; payload: string | null }>).detail;
      report.current(detail.state === 'verified' ? detail.payload : null);
    };
    element.addEventListener('statechange', onState);
    return () => element.removeEventListener('statechange', onState);
  }, [loaded, attempt]);

  return (
    <div className={styles.captcha}>
      {failed ? (
        <p className="field-error" role="alert">
          Couldn't load the verification. Check your connection and reload the page.
        </p>
      ) : loaded ? (
        <div key={attempt}>
          <altcha-widget
            ref={widget}
            challenge="/captcha"
            auto="onload"
            name="captcha"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'captcha-error' : undefined}
          />
        </div>
      ) : (
        <div className={styles.placeholder} role="status" aria-busy="true">
          Loading verification…
        </div>
      )}
      {error && (
        <p id="captcha-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
