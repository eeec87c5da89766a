import { type CSSProperties, useId } from 'react';
import styles from './Editor.module.css';

/**
 * A labelled <input type="range"> as Instagram draws it: the value over the track, the track filled from
 * the neutral point (the middle of a -100..100 slider, the start of a 0..100 one). A double click (a
 * double tap) or the Reset button puts it back to neutral.
 */
export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  neutral = min < 0 ? 0 : min,
  unit = '',
  onChange,
  onReset,
  onDragChange,
  hideLabel = false,
  autoFocus = false,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  neutral?: number;
  unit?: string;
  onChange: (value: number) => void;
  onReset?: () => void;
  /** True while a pointer holds the thumb (the straighten grid shows meanwhile). */
  onDragChange?: (dragging: boolean) => void;
  hideLabel?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const shown = Number.isInteger(step) ? Math.round(value) : Math.round(value * 10) / 10;
  const text = `${shown > 0 && min < 0 ? '+' : ''}${shown}${unit}`;
  const fraction = (v: number) => ((v - min) / (max - min)) * 100;
  const from = Math.min(fraction(neutral), fraction(value));
  const to = Math.max(fraction(neutral), fraction(value));
  const fill = {
    '--fill-from': `${from}%`,
    '--fill-to': `${to}%`,
    '--at': (value - min) / (max - min),
  } as CSSProperties;
  return (
    <div className={styles.slider}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.sliderLabel}>
        {label}
      </label>
      <div className={styles.sliderRow}>
        <div className={styles.rangeWrap} style={fill}>
          <output htmlFor={id} className={styles.sliderValue} aria-hidden="true">
            {text}
          </output>
          <input
            id={id}
            type="range"
            className={styles.range}
            min={min}
            max={max}
            step={step}
            value={value}
            aria-valuetext={text}
            // biome-ignore lint/a11y/noAutofocus: the slider is what a person opened the tool for
            autoFocus={autoFocus}
            onChange={(event) => onChange(Number(event.target.value))}
            onDoubleClick={onReset}
            onPointerDown={() => onDragChange?.(true)}
            onPointerUp={() => onDragChange?.(false)}
            onPointerCancel={() => onDragChange?.(false)}
            onBlur={() => onDragChange?.(false)}
          />
        </div>
        {onReset && (
          <button
            type="button"
            className={styles.resetButton}
            onClick={onReset}
            disabled={value === neutral}
            aria-label={`Reset ${label}`}
          >
            Reset
          </button>
        )}
      </div>
    </div>
  );
}
