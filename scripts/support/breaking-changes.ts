/**
 * What changed in the GraphQL schema and in the Pusher contract since the last release, and which of
 * those changes break existing clients (docs/api-conventions.md, "Versions and breaking changes").
 * Used by `npm run check:breaking` (scripts/check-breaking.ts), `npm run release:contract`
 * (scripts/release-contract.ts) and test/breaking-changes.test.ts.
 *
 * - The schema is compared with @graphql-inspector/core, whose criticality says what breaks.
 *   On top of it, a field or enum value may only be removed once a release has deprecated it.
 * - The Pusher contract (asyncapi.yaml) is compared here: channels and their addresses, the events
 *   (messages) on each channel and their Pusher names, and every payload schema's properties, their
 *   types and whether they are required. Removing or renaming any of these breaks a pusher-js
 *   client; adding one does not. (@asyncapi/diff, the AsyncAPI project's diff, leaves changes under
 *   components/schemas unclassified, so it would not see a removed payload field, and counts a new
 *   info.version, which every release has, as breaking: README, "Contract versions".)
 * - A breaking change is allowed when CHANGELOG.md declares it: its key, in backticks, in the
 *   "### Breaking" part of the "## Unreleased" section.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';

export type Contract = 'schema' | 'events';
export type Severity = 'breaking' | 'dangerous' | 'safe';

export interface ContractChange {
  contract: Contract;
  severity: Severity;
  /** What a CHANGELOG declaration names, e.g. `Stocktake.notes` or `PusherLine.item_sku`. */
  key: string;
  message: string;
  /** Only for description or documentation changes: nothing a client could notice. */
  cosmetic?: boolean;
  /** A field or enum value removed that the released schema did not deprecate: refused even when declared. */
  undeprecatedRemoval?: boolean;
}

// ---- GraphQL schema --------------------------------------------------------------------------

const SEVERITY: Record<CriticalityLevel, Severity> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** Removed without a release that deprecated it first (the field's or enum value's deprecation travels with it). */
function removedWithoutDeprecation(change: Change): boolean {
  const meta = change.meta as { isRemovedFieldDeprecated?: boolean; isEnumValueDeprecated?: boolean };
  if (change.type === 'FIELD_REMOVED') return meta.isRemovedFieldDeprecated !== true;
  if (change.type === 'ENUM_VALUE_REMOVED') return meta.isEnumValueDeprecated !== true;
  return false;
}

export async function schemaChanges(releasedSdl: string, currentSdl: string): Promise<ContractChange[]> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  return changes.map((change) => {
    const undeprecatedRemoval = removedWithoutDeprecation(change);
    return {
      contract: 'schema',
      severity: SEVERITY[change.criticality.level],
      key: change.path ?? change.type,
      message: undeprecatedRemoval
        ? `${change.message} (the released schema did not deprecate it: deprecate it in a release first)`
        : change.message,
      cosmetic: /DESCRIPTION/.test(change.type),
      undeprecatedRemoval,
    };
  });
}

// ---- Pusher contract (AsyncAPI) ----------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});
const refName = (value: Json | undefined) => {
  const ref = objectAt(value).$ref;
  return typeof ref === 'string' ? ref.split('/').at(-1)! : undefined;
};

/** A JSON schema's shape as a client reads it: its type, or the schema it refers to. */
function shapeOf(schema: JsonObject): string {
  const ref = refName(schema);
  if (ref) return `$ref ${ref}`;
  if (schema.type !== undefined) return JSON.stringify(schema.type);
  for (const combinator of ['oneOf', 'anyOf', 'allOf'])
    if (Array.isArray(schema[combinator])) {
      const alternatives = schema[combinator].map((part) => shapeOf(objectAt(part)));
      return `${combinator} ${[...new Set(alternatives)].sort().join(' | ')}`;
    }
  return 'any';
}

/** Removed or changed properties of `released` in `current` (recursively through objects and arrays). */
function compareSchema(path: string, released: JsonObject, current: JsonObject, out: ContractChange[]): void {
  const breaking = (key: string, message: string) =>
    out.push({ contract: 'events', severity: 'breaking', key, message });
  const before = shapeOf(released);
  const after = shapeOf(current);
  if (before !== after) {
    breaking(path, `${path} changed from ${before} to ${after}`);
    return;
  }
  const releasedProperties = objectAt(released.properties);
  const currentProperties = objectAt(current.properties);
  const required = (schema: JsonObject) => new Set(Array.isArray(schema.required) ? schema.required : []);
  const nowRequired = required(current);
  for (const name of required(released))
    if (typeof name === 'string' && name in currentProperties && !nowRequired.has(name))
      breaking(`${path}.${name}`, `${path}.${name} is no longer always present (it was required)`);
  for (const [name, schema] of Object.entries(releasedProperties)) {
    if (!(name in currentProperties)) breaking(`${path}.${name}`, `${path}.${name} was removed`);
    else compareSchema(`${path}.${name}`, objectAt(schema), objectAt(currentProperties[name]), out);
  }
  for (const name of Object.keys(currentProperties))
    if (!(name in releasedProperties))
      out.push({ contract: 'events', severity: 'safe', key: `${path}.${name}`, message: `${path}.${name} was added` });
  if (released.items !== undefined) compareSchema(`${path}[]`, objectAt(released.items), objectAt(current.items), out);
}

/** Entries of `released` missing from `current` (breaking), and those added (safe), by id. */
function compareKeys(
  what: string,
  released: JsonObject,
  current: JsonObject,
  keyOf: (id: string) => string,
  out: ContractChange[],
): string[] {
  for (const id of Object.keys(released))
    if (!(id in current))
      out.push({
        contract: 'events',
        severity: 'breaking',
        key: keyOf(id),
        message: `${what} ${keyOf(id)} was removed`,
      });
  for (const id of Object.keys(current))
    if (!(id in released))
      out.push({ contract: 'events', severity: 'safe', key: keyOf(id), message: `${what} ${keyOf(id)} was added` });
  return Object.keys(released).filter((id) => id in current);
}

export function eventChanges(releasedYaml: string, currentYaml: string): ContractChange[] {
  const released = parseYaml(releasedYaml) as JsonObject;
  const current = parseYaml(currentYaml) as JsonObject;
  const out: ContractChange[] = [];
  const breaking = (key: string, message: string) =>
    out.push({ contract: 'events', severity: 'breaking', key, message });

  // Channels: their ids, addresses (what pusher-js subscribes to) and the events on each.
  const releasedChannels = objectAt(released.channels);
  const currentChannels = objectAt(current.channels);
  for (const id of compareKeys('channel', releasedChannels, currentChannels, (id) => `channels.${id}`, out)) {
    const before = objectAt(releasedChannels[id]);
    const after = objectAt(currentChannels[id]);
    if (before.address !== after.address)
      breaking(
        `channels.${id}.address`,
        `channel ${id} moved from ${JSON.stringify(before.address)} to ${JSON.stringify(after.address)}`,
      );
    compareKeys(
      `event on ${id}:`,
      objectAt(before.messages),
      objectAt(after.messages),
      (message) => `channels.${id}.${message}`,
      out,
    );
  }

  // Events: their Pusher names (what pusher-js binds to) and the payload schemas each may carry.
  const releasedMessages = objectAt(objectAt(released.components).messages);
  const currentMessages = objectAt(objectAt(current.components).messages);
  for (const id of compareKeys('event', releasedMessages, currentMessages, (id) => `messages.${id}`, out)) {
    const before = objectAt(releasedMessages[id]);
    const after = objectAt(currentMessages[id]);
    if (before.name !== after.name)
      breaking(
        `messages.${id}.name`,
        `event ${id} renamed from ${JSON.stringify(before.name)} to ${JSON.stringify(after.name)}`,
      );
    const payloads = (message: JsonObject) => {
      const payload = objectAt(message.payload);
      const parts = Array.isArray(payload.oneOf) ? payload.oneOf : [payload];
      return new Set(parts.map((part) => refName(part) ?? JSON.stringify(part)));
    };
    const now = payloads(after);
    for (const payload of payloads(before))
      if (!now.has(payload)) breaking(`messages.${id}.payload`, `event ${id} no longer carries payload ${payload}`);
  }

  // Payload schemas: every property a released payload has, with its type.
  const releasedSchemas = objectAt(objectAt(released.components).schemas);
  const currentSchemas = objectAt(objectAt(current.components).schemas);
  for (const name of compareKeys('payload schema', releasedSchemas, currentSchemas, (name) => name, out))
    compareSchema(name, objectAt(releasedSchemas[name]), objectAt(currentSchemas[name]), out);
  return out;
}

// ---- CHANGELOG declarations --------------------------------------------------------------------

/** The keys, in backticks, of the "### Breaking" part of CHANGELOG.md's "## Unreleased" section. */
export function declaredBreakingChanges(changelog: string): Set<string> {
  const unreleased = /^## Unreleased\b[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1] ?? '';
  const breaking = /^### Breaking\b[^\n]*\n([\s\S]*?)(?=^###? |(?![\s\S]))/m.exec(unreleased)?.[1] ?? '';
  const withoutComments = breaking.replace(/<!--[\s\S]*?-->/g, '');
  return new Set([...withoutComments.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

export interface Verdict {
  changes: ContractChange[];
  /** Breaking changes CHANGELOG.md does not declare, and removals of what no release deprecated. */
  refused: ContractChange[];
}

export async function compareContracts(files: {
  releasedSchema: string;
  schema: string;
  releasedEvents: string;
  events: string;
  changelog: string;
}): Promise<Verdict> {
  const changes = [
    ...(await schemaChanges(files.releasedSchema, files.schema)),
    ...eventChanges(files.releasedEvents, files.events),
  ];
  const declared = declaredBreakingChanges(files.changelog);
  const refused = changes.filter(
    (change) => change.severity === 'breaking' && (!declared.has(change.key) || change.undeprecatedRemoval === true),
  );
  return { changes, refused };
}

/** The report `check:breaking` prints. */
export function describeVerdict({ changes, refused }: Verdict): string {
  const lines: string[] = [];
  const list = (title: string, items: ContractChange[]) => {
    if (items.length === 0) return;
    lines.push(title);
    for (const change of items) lines.push(`  [${change.contract}] \`${change.key}\`: ${change.message}`);
  };
  const allowed = changes.filter((change) => change.severity === 'breaking' && !refused.includes(change));
  list('Breaking changes not declared in CHANGELOG.md (## Unreleased, ### Breaking):', refused);
  list('Breaking changes declared in CHANGELOG.md:', allowed);
  list(
    'Dangerous changes (allowed; say so in CHANGELOG.md):',
    changes.filter((c) => c.severity === 'dangerous'),
  );
  list(
    'Additive and other safe changes:',
    changes.filter((c) => c.severity === 'safe' && !c.cosmetic),
  );
  if (changes.length === 0) lines.push('No changes since the released contract.');
  return lines.join('\n');
}
