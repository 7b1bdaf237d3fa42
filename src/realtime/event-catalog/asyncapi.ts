/**
 * The published Pusher contract (asyncapi.yaml, docs/realtime.md "The
 * event contract"), built from the catalog: the two channel families, every
 * event on them, and each event's payload and slim form as the JSON Schema
 * the TypeBox schemas already are. `npm run contract:emit` writes it, with
 * TypeScript types derived from the same schemas; nothing here is written by
 * hand per event, so an event added to the catalog appears in the contract.
 */
import type { EventName } from '../../domain/events';
import { EVENT_CATALOG, EVENT_NAMES, eventsOn } from './index';
import type { ChannelScope } from './channels';
import {
  PUSHER_PAYLOAD_SCHEMAS,
  PUSHER_SLIM_SCHEMAS,
  PusherLineSchema,
  PusherMetaSchema,
  PusherMovementSchema,
  PusherMovementSummarySchema,
  PusherOldValuesSchema,
  PusherStocktakeSummarySchema,
} from './pusher-schemas';

/** A JSON value as it goes into the document (TypeBox's symbol keys dropped). */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Sub-schemas shared by several payloads: published once under components.schemas and referenced. */
const SHARED_SCHEMAS: ReadonlyArray<[name: string, schema: object]> = [
  ['PusherMeta', PusherMetaSchema],
  ['PusherLine', PusherLineSchema],
  ['PusherStocktakeSummary', PusherStocktakeSummarySchema],
  ['PusherMovementSummary', PusherMovementSummarySchema],
  ['PusherMovement', PusherMovementSchema],
  ['PusherOldValues', PusherOldValuesSchema],
];

const CHANNELS: Record<ChannelScope, { id: string; address: string; title: string; description: string }> = {
  list: {
    id: 'stocktakeList',
    address: '{prefix}{hotel}-stocktakes',
    title: "A hotel's stocktake list",
    description: "Everything that changes a hotel's list of stocktakes, e.g. `hotel-killarney-stocktakes`.",
  },
  detail: {
    id: 'stocktakeDetail',
    address: '{prefix}{hotel}-stocktake-{stocktakeId}',
    title: 'One stocktake',
    description: 'Everything that changes one stocktake and its lines, e.g. `hotel-killarney-stocktake-5`.',
  },
};

const PARAMETERS: Record<string, JsonObject> = {
  prefix: {
    enum: ['', 'private-'],
    default: '',
    description:
      'Empty (public channels, as legacy frontends expect) or `private-` when the server runs with PUSHER_CHANNEL_PREFIX=private-: pusher-js then authorizes each subscription at the `channelAuthorization.endpoint` that GET /pusher/config returns (POST /pusher/auth on the API).',
  },
  hotel: { description: "The hotel's identifier (slug), e.g. `hotel-killarney`.", examples: ['hotel-killarney'] },
  stocktakeId: { description: "The stocktake's id, a positive integer.", examples: ['5'] },
};

/** `line-movement-added` → `LineMovementAdded`. */
function pascalName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

const camelName = (name: string) => pascalName(name).replace(/^./, (first) => first.toLowerCase());

/** The schema names of an event's two forms under components.schemas. */
export function payloadSchemaNames(name: EventName): { full: string; slim: string } {
  return { full: `${pascalName(name)}Payload`, slim: `${pascalName(name)}Slim` };
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** Plain JSON of a TypeBox schema, with the shared sub-schemas as references. */
function toJson(value: unknown, root: unknown): Json {
  if (value !== root) {
    const shared = SHARED_SCHEMAS.find(([, schema]) => schema === value);
    if (shared) return ref(shared[0]);
  }
  if (Array.isArray(value)) return value.map((item) => toJson(item, root));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner, root)]));
  }
  return value as Json;
}

const schemaJson = (schema: object): JsonObject => toJson(schema, schema) as JsonObject;

/** An event's body schema with the fields every delivered payload adds (`meta`, and `refetch` on the slim form). */
function withDeliveryFields(body: object, title: string, description: string, slim: boolean): JsonObject {
  const json = schemaJson(body);
  const properties = (json.properties ?? {}) as JsonObject;
  const required = (json.required ?? []) as string[];
  return {
    title,
    description,
    ...json,
    properties: {
      ...properties,
      meta: ref('PusherMeta'),
      ...(slim
        ? { refetch: { const: true, description: 'Refetch what the ids name: the full payload was too large.' } }
        : {}),
    },
    required: [...required, 'meta', ...(slim ? ['refetch'] : [])],
  };
}

/** components.schemas: the shared sub-schemas, then every event's full and slim payload. */
export function contractSchemas(): JsonObject {
  const schemas: JsonObject = {};
  for (const [name, schema] of SHARED_SCHEMAS) schemas[name] = { title: name, ...schemaJson(schema) };
  for (const name of EVENT_NAMES) {
    const names = payloadSchemaNames(name);
    schemas[names.full] = withDeliveryFields(
      PUSHER_PAYLOAD_SCHEMAS[name],
      names.full,
      `The \`${name}\` payload.`,
      false,
    );
    schemas[names.slim] = withDeliveryFields(
      PUSHER_SLIM_SCHEMAS[name],
      names.slim,
      `The \`${name}\` payload in its slim form, sent instead when the full one would exceed Pusher's 10,240-byte limit.`,
      true,
    );
  }
  return schemas;
}

/** The AsyncAPI 3 document of the Pusher contract, as a plain object (the emitter writes it as YAML). */
export function asyncApiDocument(version: string): JsonObject {
  const scopes: ChannelScope[] = ['list', 'detail'];
  const messages: JsonObject = {};
  for (const name of EVENT_NAMES) {
    const names = payloadSchemaNames(name);
    messages[camelName(name)] = {
      name,
      title: name,
      summary: EVENT_CATALOG[name].summary,
      contentType: 'application/json',
      payload: { oneOf: [ref(names.full), ref(names.slim)] },
    };
  }
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  for (const scope of scopes) {
    const channel = CHANNELS[scope];
    const names = eventsOn(scope);
    const parameterNames = [...channel.address.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    channels[channel.id] = {
      address: channel.address,
      title: channel.title,
      description: channel.description,
      parameters: Object.fromEntries(parameterNames.map((p) => [p, { $ref: `#/components/parameters/${p}` }])),
      messages: Object.fromEntries(
        names.map((name) => [camelName(name), { $ref: `#/components/messages/${camelName(name)}` }]),
      ),
    };
    operations[`receive${pascalName(channel.id)}Events`] = {
      action: 'receive',
      title: `Listen to ${channel.title.replace(/^./, (first) => first.toLowerCase())}`,
      summary: `Bind to these event names after subscribing to the channel (pusher-js: channel.bind(name, handler)).`,
      channel: { $ref: `#/channels/${channel.id}` },
      messages: names.map((name) => ({ $ref: `#/channels/${channel.id}/messages/${camelName(name)}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Stocktake Live: Pusher events',
      version,
      description: [
        'The events Stocktake Live publishes on Pusher channels for legacy frontends (pusher-js), generated from',
        'the event catalog (src/realtime/event-catalog) by `npm run contract:emit`; do not edit by hand.',
        '',
        'Every payload has `meta` ({event_id, sequence, occurred_at, actor}): `sequence` counts 1, 2, 3… per',
        'channel in commit order, so a client drops a repeat and catches up (the `channelEvents` GraphQL query)',
        'after a jump. A payload that would exceed 10,240 bytes is sent in its slim form (ids, `meta` and',
        '`refetch: true`). GET /pusher/config returns the pusher-js settings; docs/realtime.md explains it all.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      builtIn: {
        host: '{host}',
        protocol: 'ws',
        pathname: '/app/{key}',
        title: 'The built-in Pusher-compatible endpoint',
        description: 'Served by the API itself when no PUSHER_* credentials are set (Pusher protocol 7).',
        variables: {
          host: { default: 'localhost:4000', description: "The API's host and port." },
          key: { description: 'The app key GET /pusher/config returns.' },
        },
      },
      hostedPusher: {
        host: 'ws-{cluster}.pusher.com',
        protocol: 'wss',
        pathname: '/app/{key}',
        title: 'Hosted Pusher',
        variables: {
          cluster: { default: 'mt1', description: 'PUSHER_CLUSTER' },
          key: { description: 'PUSHER_KEY' },
        },
      },
    },
    channels,
    operations,
    components: { schemas: contractSchemas(), messages, parameters: PARAMETERS },
  };
}
