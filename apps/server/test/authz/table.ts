/**
 * The outcomes of the authorization matrix and the parser of its expected table (see expected.ts).
 */
export type Viewer = 'owner' | 'follower' | 'stranger' | 'requester' | 'blocked' | 'anonymous';
export const VIEWERS: readonly Viewer[] = [
  'owner',
  'follower',
  'stranger',
  'requester',
  'blocked',
  'anonymous',
];

export type Target = 'private' | 'public';
export const TARGETS: readonly Target[] = ['private', 'public'];

/**
 * - ok: the call succeeds and returns, or acts on, the target account's content;
 * - hidden: null, empty, or the same answer as for something that does not exist (NOT_FOUND);
 * - forbidden: a FORBIDDEN error: the viewer may see the thing but not do this to it;
 * - unauth: UNAUTHENTICATED, before anything is looked up;
 * - rejected: BAD_USER_INPUT, the same for every viewer who could send it (following oneself, a wrong password);
 * - self: the call succeeds and touches only the caller's own state, never the target's;
 * - public: the same answer for everyone, with nothing of any account in it (health, static files).
 */
export const OUTCOMES = ['ok', 'hidden', 'forbidden', 'unauth', 'rejected', 'self', 'public'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Row = Record<Target, Record<Viewer, Outcome>>;

/** The GraphQL field (`Query.post`) or REST route (`GET /media/*`) a row is about: its name before any `[case]`. */
export function surfaceOf(name: string): string {
  return name.replace(/\[.*\]$/, '');
}

/**
 * Parses rows of `name  o o o o o o | o o o o o o` (private target, then public; viewers in VIEWERS order).
 * Blank lines and lines starting with # are skipped; `same` on the right copies the left half.
 */
export function parseTable(text: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [head = '', right = ''] = line.split('|');
    // The name may hold spaces (`GET /media/*`): the outcomes are the last six words.
    const words = head.trim().split(/\s+/);
    const left = words.slice(-VIEWERS.length);
    const name = words.slice(0, -VIEWERS.length).join(' ');
    const rightCells = right.trim() === 'same' ? left : right.trim().split(/\s+/);
    if (left.length !== VIEWERS.length || rightCells.length !== VIEWERS.length) {
      throw new Error(`table row "${name}" needs ${VIEWERS.length} outcomes on each side of |`);
    }
    if (rows.has(name)) throw new Error(`table row "${name}" appears twice`);
    const half = (cells: string[]) =>
      Object.fromEntries(
        VIEWERS.map((viewer, i) => {
          const cell = cells[i] as Outcome;
          if (!OUTCOMES.includes(cell)) throw new Error(`table row "${name}": unknown outcome "${cell}"`);
          return [viewer, cell];
        }),
      ) as Record<Viewer, Outcome>;
    rows.set(name, { private: half(left), public: half(rightCells) });
  }
  return rows;
}
