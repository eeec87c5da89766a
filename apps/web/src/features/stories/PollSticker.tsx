import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { keepPointer, type OverlayData, type PollResults, type StickerContext } from './OverlaysShared';
import styles from './Stickers.module.css';

const VoteMutation = graphql(`
  mutation VoteInStoryPoll($storyId: ID!, $option: Int!) {
    voteInStoryPoll(storyId: $storyId, option: $option) {
      id
      poll { counts total viewerVote }
    }
  }
`);

/**
 * Whole percentages that add up to 100 (largest remainder: the options that lost most to rounding down
 * get the points left, the earlier option first on a tie), or all 0 before any vote.
 */
export function pollPercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((n) => (n * 100) / total);
  const shares = exact.map(Math.floor);
  let left = 100 - shares.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/** Each option as a bar of its share of the votes, the viewer's choice marked; the total for the owner. */
export function PollResultList({
  options,
  poll,
  showTotal,
}: {
  options: readonly string[];
  poll: PollResults;
  showTotal: boolean;
}) {
  const counts = options.map((_, i) => poll.counts?.[i] ?? 0);
  const percentages = pollPercentages(counts);
  const total = poll.total ?? counts.reduce((sum, n) => sum + n, 0);
  return (
    <>
      <ul className={styles.results} aria-label="Poll results">
        {options.map((option, i) => {
          const chosen = poll.viewerVote === i;
          return (
            <li key={option} className={`${styles.result} ${chosen ? styles.chosen : ''}`}>
              <span className={styles.bar} style={{ width: `${percentages[i]}%` }} aria-hidden="true" />
              <span className={styles.resultLabel}>
                {option}
                {chosen && (
                  <span className={styles.check} aria-label="your vote" role="img">
                    ✓
                  </span>
                )}
              </span>
              <span className={styles.percent}>{percentages[i]}%</span>
            </li>
          );
        })}
      </ul>
      {showTotal && (
        <p className={styles.note}>
          {total} {total === 1 ? 'vote' : 'votes'}
        </p>
      )}
    </>
  );
}

/**
 * A poll: its question and 2 to 4 options to vote for once. After voting (and always for its owner)
 * the options become bars with their share of the votes, the viewer's choice marked.
 */
export function PollSticker({
  overlay,
  stickers,
}: {
  overlay: OverlayData;
  stickers: StickerContext | null;
}) {
  const [voting, vote] = useMutation(VoteMutation);
  const options = overlay.options ?? [];
  const poll = stickers?.poll ?? null;
  const showResults =
    stickers !== null && poll?.counts != null && (stickers.viewerIsOwner || poll.viewerVote != null);
  const label = overlay.question ? `Poll: ${overlay.question}` : 'Poll';

  return (
    <fieldset
      className={`${styles.sticker} ${stickers ? styles.live : ''}`}
      aria-label={label}
      {...keepPointer}
    >
      {overlay.question && <p className={styles.question}>{overlay.question}</p>}
      {showResults && poll ? (
        <PollResultList options={options} poll={poll} showTotal={stickers?.viewerIsOwner === true} />
      ) : (
        <div className={styles.options}>
          {options.map((option, i) =>
            stickers ? (
              <button
                key={option}
                type="button"
                className={styles.option}
                disabled={voting.fetching || stickers.viewerIsOwner}
                onClick={() => void vote({ storyId: stickers.storyId, option: i })}
              >
                {option}
              </button>
            ) : (
              <span key={option} className={styles.option}>
                {option}
              </span>
            ),
          )}
        </div>
      )}
      {voting.error && (
        <p className={styles.error} role="alert">
          {errorMessage(voting.error) ?? "Couldn't send your vote."}
        </p>
      )}
    </fieldset>
  );
}
