/**
 * The documents clients of this repository send (examples/, the demo, the README's graphql blocks)
 * are valid against the committed schema, and a use of a deprecated field is reported
 * (`npm run check:documents`, scripts/support/client-documents.ts; docs/api-conventions.md,
 * "Client documents").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import {
  allClientDocuments,
  checkDocuments,
  demoDocuments,
  exampleDocuments,
  markdownDocuments,
} from '../../scripts/support/client-documents';

const SCHEMA = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');

it('finds the documents of every client: the example, each demo module, the README', () => {
  const origins = allClientDocuments().map((document) => document.origin);
  expect(origins).toEqual(expect.arrayContaining(['examples/operations.graphql', 'demo/js/api.js STOCKTAKES']));
  expect(new Set(demoDocuments().map((document) => document.origin.split(' ')[0]))).toEqual(
    new Set(['demo/js/api.js', 'demo/js/live-graphql.js', 'demo/js/presence.js']),
  );
  expect(markdownDocuments().length).toBeGreaterThan(0);
  // The demo's subscription with every optional union member, as it sends it when the schema has them.
  const subscription = demoDocuments().find((document) => document.origin.endsWith('stocktakeSubscription'))!;
  expect(subscription.text).toContain('... on UserJoinedEvent');
});

it('every one is valid against schema.graphql and uses nothing deprecated', () => {
  const reports = checkDocuments(buildSchema(SCHEMA), allClientDocuments());
  expect(reports.filter((report) => report.errors.length > 0 || report.deprecated.length > 0)).toEqual([]);
});

it('reports a deprecated field a document uses, and a field the schema no longer has', () => {
  const field = '  lineCount: Int!\n';
  expect(SCHEMA).toContain(field);
  const deprecated = buildSchema(SCHEMA.replace(field, '  lineCount: Int! @deprecated(reason: "Count lines")\n'));
  expect(checkDocuments(deprecated, exampleDocuments())).toEqual([
    {
      origin: 'examples/operations.graphql',
      errors: [],
      deprecated: ['The field Stocktake.lineCount is deprecated. Count lines'],
    },
  ]);
  const removed = buildSchema(SCHEMA.replace(field, ''));
  expect(checkDocuments(removed, exampleDocuments())[0]!.errors).toEqual([
    'Cannot query field "lineCount" on type "Stocktake".',
  ]);
});
