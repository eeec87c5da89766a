import type { Statement } from './sql-counter';

/**
 * The statements a request caused, out of everything a server sent in the request's time window:
 * background work (an outbox relay polling, a sweeper) is told apart by the labels it used while the
 * server was idle, and dropped together with the transaction it ran in.
 */
const TRANSACTION_START = /^(begin|start transaction)/i;
const TRANSACTION_END = /^(commit|rollback|end)/i;

/** Labels seen while idle, minus the transaction keywords every transaction uses. */
export function backgroundLabels(idle: readonly Statement[]): Set<string> {
  return new Set(
    idle.map((s) => s.label).filter((l) => !TRANSACTION_START.test(l) && !TRANSACTION_END.test(l)),
  );
}

export function requestStatements(
  window: readonly Statement[],
  background: ReadonlySet<string>,
): Statement[] {
  const kept: Statement[] = [];
  const open = new Map<number, { statements: Statement[]; background: boolean }>();
  for (const statement of window) {
    const transaction = open.get(statement.connection);
    if (TRANSACTION_START.test(statement.label)) {
      open.set(statement.connection, { statements: [statement], background: false });
    } else if (transaction) {
      transaction.statements.push(statement);
      transaction.background ||= background.has(statement.label);
      if (TRANSACTION_END.test(statement.label)) {
        if (!transaction.background) kept.push(...transaction.statements);
        open.delete(statement.connection);
      }
    } else if (!background.has(statement.label)) {
      kept.push(statement);
    }
  }
  for (const transaction of open.values()) if (!transaction.background) kept.push(...transaction.statements);
  return kept;
}

/** "homeFeed, postsByIds ×2, ..." in first-seen order. */
export function describeStatements(statements: readonly Statement[]): string {
  const counts = new Map<string, number>();
  for (const { label } of statements) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label)).join(', ');
}
