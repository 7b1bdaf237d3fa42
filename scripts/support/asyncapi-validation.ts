/** Validation of asyncapi.yaml with the official AsyncAPI parser (for `npm run check:contract`). */
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import path from 'node:path';

export const ASYNCAPI_FILE = path.resolve(__dirname, '../../asyncapi.yaml');

/** The AsyncAPI parser's errors (severity 0) for a document, as readable lines; empty when valid. */
export async function asyncApiErrors(source: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(source);
  return diagnostics
    .filter((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error))
    .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
}
