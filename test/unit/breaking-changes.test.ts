/**
 * The breaking-change check (`npm run check:breaking`, scripts/support/breaking-changes.ts;
 * docs/api-conventions.md, "Versions and breaking changes"), run on changed copies of the committed
 * schema.graphql and asyncapi.yaml, never on the committed files themselves: a removed field or a
 * removed Pusher payload field fails it unless CHANGELOG.md declares it (and a field must have been
 * deprecated in a release first); additions pass.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { compareContracts } from '../../scripts/support/breaking-changes';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const RELEASED_SCHEMA = read('contract/released/schema.graphql');
const RELEASED_EVENTS = read('contract/released/asyncapi.yaml');
const CHANGELOG = read('CHANGELOG.md');

/** `text` with `find` replaced once (and the replacement must have happened). */
function edited(text: string, find: string, replacement: string): string {
  expect(text).toContain(find);
  return text.replace(find, replacement);
}

/** CHANGELOG.md with `lines` in the "### Breaking" part of "## Unreleased". */
const declaring = (...lines: string[]) =>
  edited(CHANGELOG, '## Unreleased\n\n### Breaking\n', `## Unreleased\n\n### Breaking\n\n${lines.join('\n')}\n`);

/** The PusherLine schema's `item_sku` property (and its place in `required`) removed. */
function withoutItemSku(yaml: string): string {
  const start = yaml.indexOf('    PusherLine:');
  const rest = yaml.slice(start);
  const without = edited(edited(rest, '        item_sku:\n          type: string\n', ''), '        - item_sku\n', '');
  return yaml.slice(0, start) + without;
}

async function verdict(changes: { schema?: string; events?: string; changelog?: string }) {
  const { refused, changes: all } = await compareContracts({
    releasedSchema: RELEASED_SCHEMA,
    schema: changes.schema ?? RELEASED_SCHEMA,
    releasedEvents: RELEASED_EVENTS,
    events: changes.events ?? RELEASED_EVENTS,
    changelog: changes.changelog ?? CHANGELOG,
  });
  const keys = (severity: string) => all.filter((change) => change.severity === severity).map((change) => change.key);
  return { refused: refused.map((change) => change.key), breaking: keys('breaking'), safe: keys('safe') };
}

describe('the committed contract', () => {
  it('is the released one plus nothing undeclared (what CI checks)', async () => {
    const current = await compareContracts({
      releasedSchema: RELEASED_SCHEMA,
      schema: read('schema.graphql'),
      releasedEvents: RELEASED_EVENTS,
      events: read('asyncapi.yaml'),
      changelog: CHANGELOG,
    });
    expect(current.refused).toEqual([]);
  });
});

describe('the GraphQL schema', () => {
  const withoutLineCount = edited(RELEASED_SCHEMA, '  lineCount: Int!\n', '');

  it('a removed field fails the check, with the command exiting 1 and naming it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'breaking-'));
    try {
      writeFileSync(path.join(folder, 'schema.graphql'), withoutLineCount);
      const run = promisify(execFile)(
        process.execPath,
        [require.resolve('ts-node/dist/bin'), '-T', 'scripts/check-breaking.ts', `--schema=${folder}/schema.graphql`],
        { cwd: ROOT },
      );
      await expect(run).rejects.toMatchObject({
        code: 1,
        stdout: expect.stringContaining(
          "[schema] `Stocktake.lineCount`: Field 'lineCount' was removed from object type 'Stocktake' (the released schema did not deprecate it: deprecate it in a release first)",
        ),
        stderr: expect.stringContaining('check:breaking FAILED: 1 breaking change(s)'),
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('a removal needs a release that deprecated the field first, and a CHANGELOG declaration', async () => {
    // Declared but never deprecated: still refused.
    expect(
      await verdict({ schema: withoutLineCount, changelog: declaring('- `Stocktake.lineCount`: removed.') }),
    ).toEqual(expect.objectContaining({ refused: ['Stocktake.lineCount'] }));
    // Deprecated in the released schema: refused until declared, then allowed.
    const deprecatedRelease = edited(
      RELEASED_SCHEMA,
      '  lineCount: Int!\n',
      '  lineCount: Int! @deprecated(reason: "x")\n',
    );
    const check = (changelog: string) =>
      compareContracts({
        releasedSchema: deprecatedRelease,
        schema: withoutLineCount,
        releasedEvents: RELEASED_EVENTS,
        events: RELEASED_EVENTS,
        changelog,
      });
    expect((await check(CHANGELOG)).refused.map((change) => change.key)).toEqual(['Stocktake.lineCount']);
    expect((await check(declaring('- `Stocktake.lineCount`: removed (deprecated in 1.1.0).'))).refused).toEqual([]);
    // The example in the section's comment declares nothing.
    expect((await check(CHANGELOG.replace('`Stocktake.notes`', '`Stocktake.lineCount`'))).refused).toHaveLength(1);
  });

  it('other breaking changes fail too: a changed field type, a new required argument', async () => {
    const schema = edited(
      edited(RELEASED_SCHEMA, '  totalValue: Decimal!\n', '  totalValue: String!\n'),
      '  stocktake(id: ID!): Stocktake!\n',
      '  stocktake(id: ID!, hotel: String!): Stocktake!\n',
    );
    expect((await verdict({ schema })).refused.sort()).toEqual(['Query.stocktake.hotel', 'Stocktake.totalValue']);
  });

  it('additions pass: a field, a type, an optional argument, a deprecation', async () => {
    const schema = edited(
      edited(
        edited(RELEASED_SCHEMA, 'type Stocktake {\n', 'type Stocktake {\n  archived: Boolean\n'),
        '  stocktake(id: ID!): Stocktake!\n',
        '  stocktake(id: ID!, includeLines: Boolean): Stocktake!\n',
      ),
      '  lineCount: Int!\n',
      '  lineCount: Int! @deprecated(reason: "Read lines instead")\n',
    );
    const result = await verdict({ schema: `${schema}\ntype Archive {\n  id: ID!\n}\n` });
    expect(result.refused).toEqual([]);
    expect(result.breaking).toEqual([]);
    expect(result.safe).toEqual(expect.arrayContaining(['Stocktake.archived', 'Archive']));
  });
});

describe('the Pusher contract', () => {
  it('a removed payload field fails the check unless declared', async () => {
    const events = withoutItemSku(RELEASED_EVENTS);
    expect(await verdict({ events })).toEqual({
      refused: ['PusherLine.item_sku'],
      breaking: ['PusherLine.item_sku'],
      safe: [],
    });
    expect((await verdict({ events, changelog: declaring('- `PusherLine.item_sku`: removed.') })).refused).toEqual([]);
  });

  it('a removed or renamed event, a moved channel, a field no longer required or of another type fail', async () => {
    let events = edited(RELEASED_EVENTS, '    name: line-counted-updated\n', '    name: line-counted\n');
    events = edited(events, "    address: '{prefix}{hotel}-stocktakes'\n", "    address: '{prefix}{hotel}-list'\n");
    events = edited(events, "      stocktakeDeleted:\n        $ref: '#/components/messages/stocktakeDeleted'\n", '');
    const pusherLine = events.indexOf('    PusherLine:');
    events =
      events.slice(0, pusherLine) +
      edited(
        edited(events.slice(pusherLine), '        - item_name\n', ''),
        '        item:\n          minimum: 1\n          type: integer\n',
        '        item:\n          type: string\n',
      );
    expect((await verdict({ events })).refused.sort()).toEqual(
      [
        'PusherLine.item',
        'PusherLine.item_name',
        'channels.stocktakeList.address',
        'channels.stocktakeList.stocktakeDeleted',
        'messages.lineCountedUpdated.name',
      ].sort(),
    );
  });

  it('additions pass: a payload field, an event on a channel', async () => {
    let events = edited(
      RELEASED_EVENTS,
      '        item_sku:\n          type: string\n',
      '        item_sku:\n          type: string\n        item_barcode:\n          type: string\n',
    );
    events = edited(
      events,
      "      stocktakeStatusChanged:\n        $ref: '#/components/messages/stocktakeStatusChanged'\n  stocktakeDetail:\n",
      "      stocktakeStatusChanged:\n        $ref: '#/components/messages/stocktakeStatusChanged'\n      stocktakePopulated:\n        $ref: '#/components/messages/stocktakePopulated'\n  stocktakeDetail:\n",
    );
    const result = await verdict({ events });
    expect(result.refused).toEqual([]);
    expect(result.safe.sort()).toEqual(['PusherLine.item_barcode', 'channels.stocktakeList.stocktakePopulated']);
  });
});
