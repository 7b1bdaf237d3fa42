/**
 * The generated Pusher contract files (asyncapi.yaml and the payload types),
 * rendered from the event catalog, and their validation with the official
 * AsyncAPI parser. Used by `npm run contract:emit` / `check:contract`.
 */
import { compile } from 'json-schema-to-typescript';
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import path from 'node:path';
import { stringify } from 'yaml';
import type { EventName } from '../../src/domain/events';
import { asyncApiDocument, contractSchemas, payloadSchemaNames } from '../../src/realtime/event-catalog/asyncapi';
import { EVENT_NAMES, eventsOn } from '../../src/realtime/event-catalog';

const ROOT = path.resolve(__dirname, '../..');
const ASYNCAPI_FILE = path.join(ROOT, 'asyncapi.yaml');
export { ASYNCAPI_FILE } from './asyncapi-validation';
export const TYPES_FILE = path.join(ROOT, 'contract/pusher-events.d.ts');

const HEADER = 'Generated from src/realtime/event-catalog by `npm run contract:emit`: do not edit by hand.';

/** The event contract's own version (info.version), which `npm run release:contract` bumps (contract/versions.json). */
function version(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'contract/versions.json'), 'utf8')) as { events: string }).events;
}

/** Formatted as the repository's Prettier settings say, so `check:format` and `check:contract` agree. */
async function pretty(text: string, file: string): Promise<string> {
  return format(text, { ...(await resolveConfig(file)), filepath: file });
}

export async function renderAsyncApi(): Promise<string> {
  const yaml = stringify(asyncApiDocument(version()), { lineWidth: 0, aliasDuplicateObjects: false });
  return pretty(`# ${HEADER}\n${yaml}`, ASYNCAPI_FILE);
}

const union = (names: string[]) => names.map((name) => `'${name}'`).join(' | ');

/** TypeScript types of every payload, from the same schemas, with the event map pusher-js handlers can use. */
export async function renderTypes(): Promise<string> {
  const payloads = Object.fromEntries(
    EVENT_NAMES.map((name: EventName) => {
      const names = payloadSchemaNames(name);
      return [
        name,
        { anyOf: [{ $ref: `#/components/schemas/${names.full}` }, { $ref: `#/components/schemas/${names.slim}` }] },
      ];
    }),
  );
  const root = {
    title: 'PusherEventPayloads',
    description: 'Every Pusher event name with its payload: the full form or the slim one (`refetch: true`).',
    type: 'object',
    additionalProperties: false,
    required: EVENT_NAMES,
    properties: payloads,
    components: { schemas: contractSchemas() },
  };
  const body = await compile(root as never, 'PusherEventPayloads', {
    bannerComment: `/* ${HEADER} See asyncapi.yaml and docs/realtime.md. */`,
    additionalProperties: false,
    unreachableDefinitions: false,
    format: false,
    strictIndexSignatures: true,
  });
  const tail = [
    '',
    '/** Every event name published on Pusher. */',
    'export type PusherEventName = keyof PusherEventPayloads;',
    '/** The payload a handler bound to `Name` receives. */',
    'export type PusherEventPayload<Name extends PusherEventName> = PusherEventPayloads[Name];',
    '/** `{hotel}-stocktakes`, with `private-` in front when the server runs with PUSHER_CHANNEL_PREFIX=private-. */',
    'export type StocktakeListChannel = `${string}-stocktakes`;',
    '/** `{hotel}-stocktake-{id}`, with the same optional `private-` prefix. */',
    'export type StocktakeDetailChannel = `${string}-stocktake-${number}`;',
    "/** The events published on a hotel's list channel. */",
    `export type StocktakeListEventName = ${union(eventsOn('list'))};`,
    "/** The events published on a stocktake's detail channel. */",
    `export type StocktakeDetailEventName = ${union(eventsOn('detail'))};`,
    '',
  ];
  return pretty(`${body.trimEnd()}\n${tail.join('\n')}`, TYPES_FILE);
}
