/** A stand-in urql client for the post components' tests: answers operations by name, from fixed data. */
import { getOperationAST } from 'graphql';
import type { Client, Operation, OperationResult } from 'urql';
import { vi } from 'vitest';
import { fromValue, never } from 'wonka';

type Answer = (variables: Record<string, unknown>) => { data?: unknown } | 'pending';

export function testClient(answers: Record<string, Answer>) {
  const respond = (operation: Operation) => {
    const name = getOperationAST(operation.query)?.name?.value ?? '';
    const answer = answers[name]?.(operation.variables as Record<string, unknown>);
    if (!answer || answer === 'pending') return never;
    return fromValue({ operation, data: answer.data, stale: false, hasNext: false } as OperationResult);
  };
  const executeQuery = vi.fn(respond);
  const executeMutation = vi.fn(respond);
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) };
  return { client: client as unknown as Client, executeQuery, executeMutation };
}

export function operationName(call: readonly unknown[]): string | undefined {
  return getOperationAST((call[0] as Operation).query)?.name?.value;
}
