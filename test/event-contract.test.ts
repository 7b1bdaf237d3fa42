/**
 * The published Pusher contract (asyncapi.yaml) is true: every payload
 * pusher-js receives from the real server, for every event in both its full
 * and its slim form, matches the schema the document gives for that event on
 * that channel. That the document is current (what the event catalog
 * generates) and valid AsyncAPI is `npm run check:contract`'s to say, in CI;
 * this file reads it as a client would, as YAML with JSON Schemas in it.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { EVENT_NAMES } from '../src/realtime/event-catalog';
import {
  AddLineMovementDocument,
  ApproveStocktakeDocument,
  DeleteLineMovementDocument,
  DeleteStocktakeDocument,
  PopulateStocktakeDocument,
  ReopenStocktakeDocument,
  StocktakeDocument,
  UpdateLineMovementDocument,
} from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { HOTEL } from './support/fixtures';
import { legacyFrontend, type PusherEvent, type Received } from './support/realtime-clients';
import { stocktakeSteps } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';
import { ok } from './support/waiting';

let t: TestApp;
/** Per channel family ('stocktakeList', 'stocktakeDetail'): a validator for each event name the document lists. */
const validators = new Map<string, Map<string, ValidateFunction>>();
const closers = closeAfterEach();

/** The parts of an AsyncAPI 3 document this file reads. */
interface Contract {
  asyncapi: string;
  channels: Record<
    string,
    {
      address: string;
      parameters: Record<string, unknown>;
      messages: Record<string, { name: string; payload: object }>;
    }
  >;
}

/** `node` with every local `$ref` (`#/…`) replaced by what it points to in `root` (the contract has no cycles). */
function dereferenced(node: unknown, root: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => dereferenced(item, root));
  if (node === null || typeof node !== 'object') return node;
  const { $ref: ref } = node as { $ref?: unknown };
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/')) throw new Error(`not a local reference: ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], root);
    if (target === undefined) throw new Error(`${ref} points at nothing`);
    return dereferenced(target, root);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereferenced(value, root)]));
}

const ASYNCAPI_FILE = path.resolve(__dirname, '../asyncapi.yaml');
const source: unknown = parse(readFileSync(ASYNCAPI_FILE, 'utf8'));
const contract = dereferenced(source, source) as Contract;

beforeAll(async () => {
  t = await startTestApp();
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [id, channel] of Object.entries(contract.channels)) {
    const byName = new Map<string, ValidateFunction>();
    for (const message of Object.values(channel.messages)) byName.set(message.name, ajv.compile(message.payload));
    validators.set(id, byName);
  }
});
afterAll(() => t?.close());

describe('the committed contract', () => {
  it('is AsyncAPI 3 and lists both channel families with their parameters and every catalog event', () => {
    expect(contract.asyncapi).toBe('3.0.0');
    const channels = Object.entries(contract.channels).map(([id, channel]) => ({
      id,
      address: channel.address,
      parameters: Object.keys(channel.parameters),
    }));
    expect(channels).toEqual([
      { id: 'stocktakeList', address: '{prefix}{hotel}-stocktakes', parameters: ['prefix', 'hotel'] },
      {
        id: 'stocktakeDetail',
        address: '{prefix}{hotel}-stocktake-{stocktakeId}',
        parameters: ['prefix', 'hotel', 'stocktakeId'],
      },
    ]);
    const named = new Set([...validators.values()].flatMap((byName) => [...byName.keys()]));
    expect([...named].sort()).toEqual([...EVENT_NAMES].sort());
  });
});

/** The channel family (as the document names it) of a channel name the server published on. */
function familyOf(channel: string): string {
  if (/-stocktakes$/.test(channel)) return 'stocktakeList';
  if (/-stocktake-\d+$/.test(channel)) return 'stocktakeDetail';
  throw new Error(`not a contract channel: ${channel}`);
}

/** Each received payload checked against its event's schema on its channel; returns `family event form` keys. */
function validate(events: PusherEvent[]): string[] {
  return events.map(({ channel, event, data }) => {
    const family = familyOf(channel);
    const check = validators.get(family)?.get(event);
    if (!check) throw new Error(`${event} on ${channel} is not in asyncapi.yaml`);
    if (!check(data)) throw new Error(`${event} on ${channel} does not match: ${JSON.stringify(check.errors)}`);
    return `${family} ${event} ${data.refetch === true ? 'slim' : 'full'}`;
  });
}

/** Every event a client can cause, received by pusher-js on the list and a detail channel. */
async function everyEvent(): Promise<PusherEvent[]> {
  const steps = stocktakeSteps(t);
  const frontend = await legacyFrontend(t);
  closers.push(() => frontend.close());
  const list = await frontend.listen(`${HOTEL}-stocktakes`);
  const kept = await steps.create();
  const detail = await frontend.listen(kept.channel);
  const dropped = await steps.create();
  ok(await t.graphql(DeleteStocktakeDocument, { id: dropped.id }));
  ok(await t.graphql(PopulateStocktakeDocument, { id: kept.id }));
  const lines = ok(await t.graphql(StocktakeDocument, { id: kept.id })).stocktake.lines;
  const line = lines.find((candidate) => candidate.itemSku === 'D0030')!;
  await steps.count(line.id, '1');
  const added = ok(
    await t.graphql(AddLineMovementDocument, {
      lineId: line.id,
      input: { movementType: 'PURCHASE', quantity: '88', unitCost: '2.5', timestamp: `${kept.periodStart}T10:00:00Z` },
    }),
  ).addLineMovement;
  const movementId = added.movement.id;
  ok(
    await t.graphql(UpdateLineMovementDocument, {
      lineId: line.id,
      movementId,
      input: { movementType: 'WASTE', quantity: '4.25', timestamp: `${kept.periodStart}T11:00:00Z` },
    }),
  );
  ok(await t.graphql(DeleteLineMovementDocument, { lineId: line.id, movementId }));
  ok(await t.graphql(ApproveStocktakeDocument, { id: kept.id }));
  ok(await t.graphql(ReopenStocktakeDocument, { id: kept.id }));
  const listEvents = await untilStatus(list, kept.id);
  const detailEvents = await detail.waitFor(DETAIL_EVENTS.length);
  return [...listEvents, ...detailEvents];
}

/** The list channel's events up to the reopening of `stocktakeId` (other files' stocktakes may share the list). */
async function untilStatus(list: Received<PusherEvent>, stocktakeId: string): Promise<PusherEvent[]> {
  const reopened = (event: PusherEvent) =>
    event.event === 'stocktake-status-changed' &&
    event.data.stocktake_id === Number(stocktakeId) &&
    event.data.status === 'DRAFT';
  for (let count = 1; ; count += 1) {
    const events = await list.waitFor(count);
    if (reopened(events.at(-1)!)) return events;
  }
}

const DETAIL_EVENTS = [
  'stocktake-populated',
  'line-counted-updated',
  'line-movement-added',
  'line-movement-updated',
  'line-movement-deleted',
  'stocktake-status-changed',
  'stocktake-status-changed',
];
const LIST_EVENTS = ['stocktake-created', 'stocktake-deleted', 'stocktake-status-changed'];

describe('payloads pusher-js receives from the server', () => {
  it('match the document in their full form, for every event on both channel families', async () => {
    const seen = new Set(validate(await everyEvent()));
    expect([...seen].sort()).toEqual(
      [
        ...LIST_EVENTS.map((event) => `stocktakeList ${event} full`),
        ...DETAIL_EVENTS.map((event) => `stocktakeDetail ${event} full`),
      ]
        .filter((key, index, all) => all.indexOf(key) === index)
        .sort(),
    );
  });

  it('match the document in their slim form, sent after Pusher refuses the full one as too large', async () => {
    t.faults.refuseWhere((event) => !event.data.includes('"refetch":true'), { status: 413 });
    closers.push(() => t.faults.clear());
    const seen = new Set(validate(await everyEvent()));
    expect([...seen].sort()).toEqual(
      [
        ...LIST_EVENTS.map((event) => `stocktakeList ${event} slim`),
        ...DETAIL_EVENTS.map((event) => `stocktakeDetail ${event} slim`),
      ]
        .filter((key, index, all) => all.indexOf(key) === index)
        .sort(),
    );
  });
});
