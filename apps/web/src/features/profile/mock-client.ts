/** A stand-in urql client for component tests: answers each operation by name, or never (in flight). */
import { getOperationAST } from 'graphql';
import type { Client, CombinedError, Operation, OperationResult } from 'urql';
import { vi } from 'vitest';
import { fromValue, never } from 'wonka';

type Answer = (variables: Record<string, unknown>) => { data?: unknown; error?: CombinedError } | 'pending';

export function mockClient(answers: Record<string, Answer>) {
  const respond = (operation: Operation) => {
    const name = getOperationAST(operation.query)?.name?.value ?? '';
    const answer = answers[name]?.(operation.variables as Record<string, unknown>);
    if (!answer || answer === 'pending') return never;
    return fromValue({
      operation,
      data: answer.data,
      error: answer.error,
      stale: false,
      hasNext: false,
    } as OperationResult);
  };
  const executeQuery = vi.fn(respond);
  const executeMutation = vi.fn(respond);
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) };
  return { client: client as unknown as Client, executeQuery, executeMutation };
}

/** The name of an operation a mock was called with, for assertions. */
export function operationName(call: readonly unknown[]): string | undefined {
  const operation = call[0] as Operation;
  return getOperationAST(operation.query)?.name?.value;
}
