/**
 * Idempotency keys at the GraphQL edge (docs/collaboration.md,
 * "Idempotency keys"): reading the key a client sent with an operation,
 * hashing what the operation asks for, and running each mutation field under
 * the key so that the unit of work can take it (domain/idempotency.ts),
 * with what the answer reads beyond the mutation's value (replay-capture.ts).
 */
import { createHash } from 'node:crypto';
import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { BadInputError } from '../domain/errors';
import { withIdempotencyKey } from '../domain/idempotency';
import type { GraphQLContext, OperationIdempotency } from './context';
import { assertMutationAnswersCapturable, captureSelectedLines } from './replay-capture';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The key and request hash of an operation, or null without a key. A key is
 * 1 to 200 visible ASCII characters (a UUID is the usual choice).
 */
export function operationIdempotency(
  key: unknown,
  request: { query?: unknown; operationName?: unknown; variables?: unknown },
): OperationIdempotency | null {
  if (key === undefined || key === null) return null;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new BadInputError('idempotencyKey', 'An idempotency key is 1 to 200 visible ASCII characters, e.g. a UUID');
  }
  const requestHash = createHash('sha256')
    .update(JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? null]))
    .digest('hex');
  return { key, requestHash };
}

/**
 * Runs every root mutation field under the operation's idempotency key. A
 * key names one change, so an operation with a key may hold only one
 * mutation field.
 *
 * The resolvers of the schema's Mutation type are wrapped once, after the
 * schema is built, rather than through a type-graphql global middleware: a
 * global middleware wraps every field of every type in an async call, which
 * turns each scalar of a response into a promise (measured: most of the CPU
 * of a 10,000-line detail query).
 */
export function runMutationsUnderIdempotencyKeys(schema: GraphQLSchema): GraphQLSchema {
  assertMutationAnswersCapturable(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args, context: GraphQLContext, info) =>
      underIdempotencyKey(context, info, () => resolve(root, args, context, info));
  }
  return schema;
}

function underIdempotencyKey<T>(context: GraphQLContext, info: GraphQLResolveInfo, next: () => T): T {
  const idempotency = context.idempotency;
  if (!idempotency || info.path.prev !== undefined) return next();
  if (info.operation.selectionSet.selections.length !== 1) {
    throw new BadInputError(
      'idempotencyKey',
      'An operation sent with an idempotency key must hold exactly one mutation',
    );
  }
  const viewer = context.viewer;
  if (!viewer) return next();
  const capture = captureSelectedLines(info, (target, ids) => context.services.stocktakes.lines(target, viewer, ids));
  return withIdempotencyKey({ viewer, ...idempotency, capture }, next);
}
