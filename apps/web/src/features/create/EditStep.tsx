import styles from './Create.module.css';

/**
 * FUTURE: filters and adjustments (brightness, contrast, …). This step is deliberately empty and is
 * skipped by the flow (`skipped: true` in CreatePage's STEPS) until the filters feature lands; it then
 * edits each DraftPhoto between cropping and the caption. The stepper already shows it as "Edit".
 */
export function EditStep() {
  return (
    <div className={styles.placeholder}>
      <p>Filters and adjustments are coming soon.</p>
    </div>
  );
}
