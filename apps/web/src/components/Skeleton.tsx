import styles from './Skeleton.module.css';

/** Grey shapes in the layout of what is loading, so nothing jumps when it arrives. */
export function Skeleton({
  width,
  height,
  round = false,
}: {
  width: number | string;
  height: number | string;
  round?: boolean;
}) {
  return (
    <span
      className={`${styles.block} ${round ? styles.round : ''}`}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}

export function PageSkeleton() {
  return (
    <div className={styles.page} role="status" aria-live="polite">
      <span className="visually-hidden">Loading</span>
      <PostSkeleton />
    </div>
  );
}

export function PostSkeleton() {
  return (
    <div className={styles.post} aria-hidden="true">
      <div className={styles.row}>
        <Skeleton width={32} height={32} round />
        <Skeleton width={120} height={12} />
      </div>
      <Skeleton width="100%" height={0} />
      <div className={styles.media} />
      <Skeleton width={160} height={12} />
      <Skeleton width={240} height={12} />
    </div>
  );
}
