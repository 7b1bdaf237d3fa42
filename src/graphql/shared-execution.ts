/**
 * Subscriptions that select the same thing share the work: graphql-js would
 * execute the subscription document once per subscriber per event; here an
 * event is executed once per distinct document, operation and variables,
 * and every subscriber with those gets the same result.
 *
 * Sharing is sound because an event's GraphQL object depends only on the
 * event and the selection: everyone who may subscribe to a channel is a
 * member of its hotel (realtime/channel-access.ts), and no event field
 * depends on more than that. `afterSequence` and `epoch` only decide where a
 * subscriber's stream starts, so they are left out of the key. Events are
 * told apart by epoch and row id (a restored outbox gives ids out again).
 */
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** Results kept for subscribers a little behind the others; older ones are executed again if asked for. */
const CACHE_SIZE = 2_000;

type Result = ExecutionResult | Promise<ExecutionResult>;

export class SharedSubscriptions {
  private readonly documentIds = new WeakMap<DocumentNode, number>();
  private nextDocumentId = 1;
  /** Insertion order is age: the first key is the oldest. */
  private readonly results = new Map<string, Result>();
  /** Each key's latest event and result: what nearly every subscriber asks for, found without building a key. */
  private readonly latest = new Map<string, { id: string; result: Result }>();

  /**
   * graphql-js' `subscribe`, with one execution per event for all subscribers that share a key. Its
   * stream is an AsyncIterableIterator, which graphql-ws' `subscribe` option takes as it is (it calls
   * `return` on completion when there is one: test/unit/graphql-ws-contract.test.ts).
   */
  subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = this.keyOf(args);
    return mapEvents(source[Symbol.asyncIterator](), (event) => this.resultFor(key, event, args));
  };

  private resultFor(key: string, event: unknown, args: ExecutionArgs): Result {
    const { id: rowId, epoch } = event as { id?: unknown; epoch?: unknown };
    // Something that is not a stored event cannot be shared: execute it for this subscriber alone.
    if (typeof rowId !== 'string') return execute({ ...args, rootValue: event });
    const id = `${String(epoch)}/${rowId}`;
    const latest = this.latest.get(key);
    if (latest?.id === id) return latest.result;
    const entry = `${key}#${id}`;
    let result = this.results.get(entry);
    if (!result) {
      result = execute({ ...args, rootValue: event });
      this.results.set(entry, result);
      if (this.results.size > CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
    }
    // Re-inserted so that insertion order is recency; keys nobody has asked about for long go first.
    this.latest.delete(key);
    this.latest.set(key, { id, result });
    if (this.latest.size > CACHE_SIZE) this.latest.delete(this.latest.keys().next().value!);
    return result;
  }

  private keyOf({ document, operationName, variableValues }: ExecutionArgs): string {
    let documentId = this.documentIds.get(document);
    if (documentId === undefined) {
      documentId = this.nextDocumentId++;
      this.documentIds.set(document, documentId);
    }
    const { afterSequence: _startsWhere, epoch: _inEpoch, ...shared } = variableValues ?? {};
    return `${documentId}:${operationName ?? ''}:${stableJson(shared)}`;
  }
}

/**
 * An iterator of results from an iterator of events; ending it ends the
 * source at once (not at its next event). A class rather than an object of
 * closures: every open subscription holds one (bench B9).
 */
class MappedEvents implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly toResult: (event: unknown) => Result,
  ) {}

  // A promise chain, not an async method: a waiting async method keeps a suspended generator per subscriber, and
  // a result already computed (the usual case: another subscriber's event) costs no further promise.
  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source
      .next()
      .then((step): IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>> => {
        if (step.done) return { done: true, value: undefined };
        const result = this.toResult(step.value);
        return result instanceof Promise
          ? result.then((value) => ({ done: false, value }))
          : { done: false, value: result };
      });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (this.source.throw) await this.source.throw(error);
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}

function mapEvents(
  source: AsyncIterator<unknown>,
  toResult: (event: unknown) => Result,
): AsyncIterableIterator<ExecutionResult> {
  return new MappedEvents(source, toResult);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** JSON with object keys sorted, so equal variables give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
