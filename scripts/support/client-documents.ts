/**
 * The GraphQL documents clients of this repository send, validated against a schema
 * (docs/api-conventions.md, "Client documents"): the example client's operations
 * (examples/**\/*.graphql), the demo's (the template literals of demo/js/*.js that hold an
 * operation) and the README's ```graphql blocks. Validation is graphql-js' (every rule a server
 * applies); deprecated fields, arguments and enum values a document uses are reported apart, as
 * warnings, so a deprecation shows who still depends on what will be removed.
 * Used by `npm run check:documents` and test/client-documents.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, NoDeprecatedCustomRule, Source, parse, validate, type GraphQLSchema } from 'graphql';

const ROOT = path.resolve(__dirname, '../..');

export interface ClientDocument {
  /** Where it comes from: `file` or `file:line`, and the demo constant's name. */
  origin: string;
  text: string;
}

export interface DocumentReport {
  origin: string;
  errors: string[];
  deprecated: string[];
}

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension) && !file.includes('__generated__'))
    .map((file) => path.join(folder, file))
    .sort();
}

const relative = (file: string) => path.relative(ROOT, file);

export function exampleDocuments(folder = path.join(ROOT, 'examples')): ClientDocument[] {
  return filesUnder(folder, '.graphql').map((file) => ({ origin: relative(file), text: readFileSync(file, 'utf8') }));
}

/** ```graphql blocks of a Markdown file. */
export function markdownDocuments(file = path.join(ROOT, 'README.md')): ClientDocument[] {
  const documents: ClientDocument[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^```graphql\s*$/.test(lines[index]!)) continue;
    const start = index + 1;
    const body: string[] = [];
    for (index += 1; index < lines.length && !/^```\s*$/.test(lines[index]!); index += 1) body.push(lines[index]!);
    documents.push({ origin: `${relative(file)}:${start}`, text: body.join('\n') });
  }
  return documents;
}

/** `const NAME = \`…\`` (optionally exported, optionally an arrow function's body) in a demo module. */
const TEMPLATE_CONSTANT = /(?:export\s+)?const\s+(\w+)\s*=\s*(?:\([^)]*\)\s*=>\s*)?`([^`]*)`/g;
/** `const NAME = { key: \`…\`, … }`: an object of snippets. */
const SNIPPET_OBJECT = /const\s+(\w+)\s*=\s*\{([^{}]*(?:`[^`]*`[^{}]*)*)\};/g;
const OPERATION = /^\s*(?:query|mutation|subscription)\b|^\s*\{\s*\w/;

/**
 * The operations the demo sends. Its modules are browser ES modules building documents from
 * template literals: an interpolated constant is replaced by its text (from any demo module), and
 * an interpolation that picks from an object of snippets (the optional union members of
 * live-graphql.js) by all of them, which is what the demo sends when the schema has them all.
 */
export function demoDocuments(folder = path.join(ROOT, 'demo/js')): ClientDocument[] {
  const templates = new Map<string, { file: string; text: string }>();
  const snippets = new Map<string, string[]>();
  for (const file of filesUnder(folder, '.js')) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(TEMPLATE_CONSTANT)) templates.set(match[1]!, { file, text: match[2]! });
    for (const match of source.matchAll(SNIPPET_OBJECT))
      snippets.set(
        match[1]!,
        [...match[2]!.matchAll(/`([^`]*)`/g)].map((value) => value[1]!),
      );
  }
  const resolve = (text: string, depth = 0): string =>
    text.replace(/\$\{([^}]*)\}/g, (_, expression: string) => {
      const name = expression.trim();
      if (depth > 5) throw new Error(`demo documents: interpolations nest too deep at \${${name}}`);
      const constant = templates.get(name);
      if (constant) return resolve(constant.text, depth + 1);
      const object = [...snippets.keys()].find((key) => new RegExp(`\\b${key}\\b`).test(expression));
      if (object)
        return snippets
          .get(object)!
          .map((snippet) => resolve(snippet, depth + 1))
          .join('\n');
      throw new Error(`demo documents: cannot tell what \${${name}} stands for`);
    });
  return [...templates.entries()]
    .filter(([, template]) => OPERATION.test(template.text))
    .map(([name, template]) => ({ origin: `${relative(template.file)} ${name}`, text: resolve(template.text) }));
}

export function allClientDocuments(): ClientDocument[] {
  return [...exampleDocuments(), ...demoDocuments(), ...markdownDocuments()];
}

/** Each document's validation errors and its uses of deprecated fields, arguments and enum values. */
export function checkDocuments(schema: GraphQLSchema, documents: ClientDocument[]): DocumentReport[] {
  return documents.map(({ origin, text }) => {
    let document;
    try {
      document = parse(new Source(text, origin));
    } catch (error) {
      return { origin, errors: [error instanceof GraphQLError ? error.message : String(error)], deprecated: [] };
    }
    return {
      origin,
      errors: validate(schema, document).map((error) => error.message),
      deprecated: validate(schema, document, [NoDeprecatedCustomRule]).map((error) => error.message),
    };
  });
}
