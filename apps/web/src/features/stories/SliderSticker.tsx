import { type CSSProperties, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { keepPointer, type OverlayData, type StickerContext } from './OverlaysShared';
import styles from './Stickers.module.css';

const SlideMutation = graphql(`
  mutation SlideStorySlider($storyId: ID!, $value: Float!) {
    slideStorySlider(storyId: $storyId, value: $value) {
      id
      slider { average responseCount viewerValue }
    }
  }
`);

const escapeXml = (text: string) => text.replace(/[&<>'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The range's thumb drawn as the sticker's emoji (an SVG image, so no extra element has to follow it). */
export function emojiThumb(emoji: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><text x='50' y='55' font-size='78' text-anchor='middle' dominant-baseline='middle'>${escapeXml(emoji)}</text></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

const percent = (value: number | null | undefined) => Math.round(Math.min(1, Math.max(0, value ?? 0)) * 100);

/**
 * The emoji slider: slide the emoji along the track and let go (or press Enter) to answer, once. After
 * answering, and always for the owner, the average shows as a marker on the track.
 */
export function SliderSticker({
  overlay,
  stickers,
}: {
  overlay: OverlayData;
  stickers: StickerContext | null;
}) {
  const slider = stickers?.slider ?? null;
  const owner = stickers?.viewerIsOwner === true;
  const answered = slider?.viewerValue != null;
  const [value, setValue] = useState(0);
  const [result, slide] = useMutation(SlideMutation);
  const sent = useRef(false);
  const moved = useRef(false);
  const locked = !stickers || owner || answered || result.fetching;
  const shown = answered ? percent(slider?.viewerValue) : owner ? percent(slider?.average) : value;
  const average = (owner || answered) && slider?.average != null ? percent(slider.average) : null;
  const emoji = overlay.emoji ?? '😍';

  const send = () => {
    if (!stickers || locked || sent.current || !moved.current) return;
    sent.current = true;
    void slide({ storyId: stickers.storyId, value: value / 100 }).then((r) => {
      if (r.error) sent.current = false;
    });
  };

  const style = { '--thumb': emojiThumb(emoji), '--fill': `${shown}%` } as CSSProperties;
  return (
    <fieldset
      className={`${styles.sticker} ${stickers ? styles.live : ''}`}
      aria-label={overlay.question ? `Emoji slider: ${overlay.question}` : 'Emoji slider'}
      {...keepPointer}
    >
      {overlay.question && <p className={styles.question}>{overlay.question}</p>}
      <div className={styles.track} style={style}>
        <input
          type="range"
          className={styles.range}
          min={0}
          max={100}
          step={1}
          value={shown}
          disabled={locked}
          aria-label={locked ? 'Your answer' : 'Slide to answer, then let go or press Enter'}
          aria-valuetext={`${shown}%`}
          onChange={(event) => {
            moved.current = true;
            setValue(Number(event.target.value));
          }}
          onPointerUp={send}
          onKeyDown={(event) => {
            if (event.key === 'Enter') send();
          }}
          onBlur={send}
        />
        {average !== null && (
          <span
            className={styles.average}
            // The thumb's centre runs from half a thumb in to half a thumb short of the end.
            style={{ left: `calc(4.5cqw + (100% - 9cqw) * ${average / 100})` }}
            aria-hidden="true"
          />
        )}
      </div>
      {average !== null && (
        <p className={styles.note}>
          Average {average}%
          {owner && slider?.responseCount != null
            ? ` · ${slider.responseCount} ${slider.responseCount === 1 ? 'response' : 'responses'}`
            : ''}
        </p>
      )}
      {result.error && (
        <p className={styles.error} role="alert">
          {errorMessage(result.error) ?? "Couldn't send your answer."}
        </p>
      )}
    </fieldset>
  );
}
