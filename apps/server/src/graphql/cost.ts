import { type DocumentNode, type GraphQLSchema, Kind, type TypeNode } from 'graphql';
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

/**
 * queryCost remembered per parsed document (mercurius keeps one per query text) and per the variables
 * that can change a cost: numbers and booleans (page sizes, @include/@skip), not strings such as
 * cursors and IDs, so scrolling a feed reuses one entry. Walking the document costs more than the
 * rest of a small request's validation.
 */
const MAX_COSTS_PER_DOCUMENT = 64;
const costs = new WeakMap<DocumentNode, Map<string, number>>();

export function memoizedQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  const shape = Object.entries(variables ?? {}).filter(([, value]) => typeof value !== 'string');
  const key = `${operationName ?? ''}\n${JSON.stringify(shape)}`;
  let known = costs.get(document);
  const cost = known?.get(key);
  if (cost !== undefined) return cost;
  const computed = queryCost(schema, document, variables, operationName);
  if (!known || known.size >= MAX_COSTS_PER_DOCUMENT) {
    known = new Map();
    costs.set(document, known);
  }
  known.set(key, computed);
  return computed;
}

export function assertCost(cost: number, max: number): void {
  if (cost > max) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `This query is too complex: its cost is ${cost}, the limit is ${max}`,
    );
  }
}

/** The largest page a connection serves: what an unknown page size is priced at. */
const WORST_PAGE = 100;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * Stand-in values for an operation's required variables, for pricing it when its variables are not at
 * hand (mercurius' subscription hooks see only the document): page sizes at their worst, and any value
 * elsewhere, since only numbers and booleans can change a cost.
 */
export function worstCaseVariables(document: DocumentNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.type.kind !== Kind.NON_NULL_TYPE || variable.defaultValue) continue;
      const type = namedType(variable.type);
      const name = variable.variable.name.value;
      if (type === 'Int') values[name] = WORST_PAGE;
      else if (type === 'Float') values[name] = 0;
      else if (type === 'Boolean') values[name] = true;
      else if (type === 'ID' || type === 'String') values[name] = '0';
    }
  }
  return values;
}
