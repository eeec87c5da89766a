import { useId } from 'react';
import { MentionField } from './MentionField';
import {
  clampPlacement,
  type DraftOverlay,
  PALETTE,
  type PaletteName,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  SCALE_MAX,
  SCALE_MIN,
  STICKER_QUESTION_MAX,
  TEXT_MAX,
  TEXT_STYLES,
} from './overlays';
import styles from './StoryComposer.module.css';

const TITLES: Record<DraftOverlay['kind'], string> = {
  TEXT: 'Text',
  MENTION: 'Mention',
  HASHTAG: 'Hashtag',
  POLL: 'Poll',
  SLIDER: 'Emoji slider',
  QUESTION: 'Question',
};

const SLIDER_EMOJIS = ['😍', '😂', '🔥', '😮', '😢', '👏', '🎉', '💯'];

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}

/** A text input with its label and error (the error describes the input). */
function TextControl({
  label,
  value,
  max,
  error,
  onChange,
  multiline = false,
  placeholder,
}: {
  label: string;
  value: string;
  max: number;
  error: string | undefined;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const props = {
    id,
    className: 'field',
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-count ${id}-error` : `${id}-count`,
  } as const;
  return (
    <div className={styles.control}>
      <div className={styles.label}>
        <label htmlFor={id}>{label}</label>
        <span id={`${id}-count`} className={styles.counter}>
          {[...value].length}/{max}
        </span>
      </div>
      {multiline ? (
        <textarea {...props} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} onChange={(e) => onChange(e.target.value)} />
      )}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * The selected overlay's settings beside the canvas: its words, style and colour, its size and angle
 * (for those who cannot pinch), and Delete. `errors` are the overlay's own, keyed by field
 * (`text`, `options.1`, `position`…), from the composer's checks or the server's.
 */
export function OverlayEditor({
  overlay,
  errors,
  onChange,
  onDelete,
}: {
  overlay: DraftOverlay;
  errors: Record<string, string>;
  onChange: (overlay: DraftOverlay) => void;
  onDelete: () => void;
}) {
  const id = useId();
  const placementError = errors.position ?? errors.x ?? errors.y ?? errors.scale ?? errors.rotation;
  const resize = (scale: number, rotation: number) =>
    onChange({ ...overlay, ...clampPlacement(overlay.kind, { ...overlay, scale, rotation }) });

  return (
    <section className={styles.editor} aria-labelledby={`${id}-title`}>
      <header className={styles.editorHeader}>
        <h2 id={`${id}-title`} className={styles.editorTitle}>
          {TITLES[overlay.kind]}
        </h2>
        <button type="button" className={`button secondary ${styles.deleteButton}`} onClick={onDelete}>
          Delete {TITLES[overlay.kind].toLowerCase()}
        </button>
      </header>

      {overlay.kind === 'TEXT' && (
        <>
          <TextControl
            label="Text"
            value={overlay.text}
            max={TEXT_MAX}
            error={errors.text}
            multiline
            placeholder="Type something"
            onChange={(text) => onChange({ ...overlay, text })}
          />
          <fieldset className={styles.choices}>
            <legend className={styles.label}>Style</legend>
            {TEXT_STYLES.map((style) => (
              <label key={style} className={styles.chip}>
                <input
                  type="radio"
                  name={`${id}-style`}
                  checked={overlay.style === style}
                  onChange={() => onChange({ ...overlay, style })}
                />
                {style.charAt(0) + style.slice(1).toLowerCase()}
              </label>
            ))}
          </fieldset>
          <fieldset className={styles.choices}>
            <legend className={styles.label}>Colour</legend>
            {(Object.keys(PALETTE) as PaletteName[]).map((color) => (
              <label key={color} className={styles.swatch} style={{ background: PALETTE[color] }}>
                <input
                  type="radio"
                  name={`${id}-color`}
                  className="visually-hidden"
                  checked={overlay.color === color}
                  onChange={() => onChange({ ...overlay, color })}
                />
                <span className="visually-hidden">{color.charAt(0) + color.slice(1).toLowerCase()}</span>
              </label>
            ))}
          </fieldset>
          <ErrorText id={`${id}-color-error`} error={errors.style ?? errors.color} />
        </>
      )}

      {overlay.kind === 'MENTION' && (
        <MentionField
          value={overlay.username}
          error={errors.username}
          onChange={(username) => onChange({ ...overlay, username })}
        />
      )}

      {overlay.kind === 'HASHTAG' && (
        <TextControl
          label="Hashtag"
          value={overlay.hashtag}
          max={100}
          error={errors.hashtag}
          placeholder="#hashtag"
          onChange={(hashtag) =>
            onChange({ ...overlay, hashtag: hashtag.replace(/^#/, '').replace(/\s/g, '') })
          }
        />
      )}

      {(overlay.kind === 'POLL' || overlay.kind === 'SLIDER' || overlay.kind === 'QUESTION') && (
        <TextControl
          label="Question"
          value={overlay.question}
          max={overlay.kind === 'POLL' ? POLL_QUESTION_MAX : STICKER_QUESTION_MAX}
          error={errors.question}
          placeholder={overlay.kind === 'QUESTION' ? 'Ask me a question' : 'Ask a question…'}
          onChange={(question) => onChange({ ...overlay, question })}
        />
      )}

      {overlay.kind === 'POLL' && (
        <fieldset
          className={styles.pollOptions}
          aria-describedby={errors.options ? `${id}-options-error` : undefined}
        >
          <legend className={styles.label}>Options</legend>
          {overlay.options.map((option, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, by position
            <div key={i} className={styles.optionRow}>
              <TextControl
                label={`Option ${i + 1}`}
                value={option}
                max={POLL_OPTION_MAX}
                error={errors[`options.${i}`]}
                onChange={(text) =>
                  onChange({ ...overlay, options: overlay.options.map((o, j) => (j === i ? text : o)) })
                }
              />
              {overlay.options.length > POLL_OPTIONS_MIN && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange({ ...overlay, options: overlay.options.filter((_, j) => j !== i) })}
                >
                  Remove option {i + 1}
                </button>
              )}
            </div>
          ))}
          {overlay.options.length < POLL_OPTIONS_MAX && (
            <button
              type="button"
              className="button secondary"
              onClick={() => onChange({ ...overlay, options: [...overlay.options, ''] })}
            >
              Add option
            </button>
          )}
          <ErrorText id={`${id}-options-error`} error={errors.options} />
        </fieldset>
      )}

      {overlay.kind === 'SLIDER' && (
        <fieldset className={styles.choices}>
          <legend className={styles.label}>Emoji</legend>
          {SLIDER_EMOJIS.map((emoji) => (
            <label key={emoji} className={`${styles.chip} ${styles.emojiChip}`}>
              <input
                type="radio"
                name={`${id}-emoji`}
                checked={overlay.emoji === emoji}
                onChange={() => onChange({ ...overlay, emoji })}
              />
              {emoji}
            </label>
          ))}
          <ErrorText id={`${id}-emoji-error`} error={errors.emoji} />
        </fieldset>
      )}

      <div className={styles.sliders}>
        <label className={styles.sliderLabel}>
          Size
          <input
            type="range"
            min={SCALE_MIN}
            max={SCALE_MAX}
            step={0.05}
            value={overlay.scale}
            onChange={(e) => resize(Number(e.target.value), overlay.rotation)}
          />
        </label>
        <label className={styles.sliderLabel}>
          Rotation
          <input
            type="range"
            min={-180}
            max={180}
            step={1}
            value={overlay.rotation}
            onChange={(e) => resize(overlay.scale, Number(e.target.value))}
          />
        </label>
      </div>
      <ErrorText id={`${id}-placement-error`} error={placementError} />
    </section>
  );
}
