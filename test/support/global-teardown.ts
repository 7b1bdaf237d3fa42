import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.templateTestDatabase?.drop();
  const embedded = globalThis.embeddedTestDatabase;
  if (!embedded) return;
  await embedded.server.stop();
  rmSync(embedded.dir, { recursive: true, force: true });
}
