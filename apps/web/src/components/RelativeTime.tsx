/** "5m", "3h", "2d", "4w", then a date: the compact times Instagram shows, with the full date on hover. */
export function relativeTime(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime();
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days}d`;
  const weeks = Math.floor(days / 7);
  if (weeks < 52) return `${weeks}w`;
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function RelativeTime({ iso, long = false }: { iso: string; long?: boolean }) {
  const full = new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
  const short = relativeTime(iso);
  const label = long ? longForm(short) : short;
  return (
    <time dateTime={iso} title={full}>
      {label}
    </time>
  );
}

function longForm(short: string): string {
  const match = /^(\d+)([mhdw])$/.exec(short);
  if (!match) return short === 'now' ? 'just now' : short;
  const n = Number(match[1]);
  const unit = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[match[2] as 'm' | 'h' | 'd' | 'w'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}
