import type { DocumentNode, GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { AppError } from '../errors';

/**
 * Query cost: every field costs 1, and a paginated field multiplies its selection by the page size it
 * asks for, so `first: 50` nested three deep is priced as the work it really is. Checked before
 * execution (after mercurius' cached parse and validation), because the cost depends on variables.
 */
const DEFAULT_PAGE = 12;

const pageAware: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const paginated = field.args.some((arg) => arg.name === 'first');
  const first = typeof args.first === 'number' ? args.first : paginated ? DEFAULT_PAGE : undefined;
  if (first === undefined) return 1 + childComplexity;
  return 1 + Math.max(1, first) * childComplexity;
};

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    estimators: [pageAware],
    ...(operationName ? { operationName } : {}),
  });
}

export function assertCost(cost: number, max: number): void {
  if (cost > max) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `This query is too complex: its cost is ${cost}, the limit is ${max}`,
    );
  }
}
