/**
 * Composition root: wires the database, the domain services, the GraphQL
 * schema and the HTTP server together. `main.ts` and the tests both start
 * the product through here, so tests run exactly what users run.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServices } from '../domain/services';
import { createSchema } from '../graphql/schema';
import { createTokenVerifier, type TokenKey } from './auth/tokens';
import { TransactionalUnitOfWork } from './database/transactional-unit-of-work';
import type { Log } from './logger';
import { startServer, type RunningServer } from './server';

export interface AppOptions {
  orm: MikroORM;
  port: number;
  host?: string;
  isProduction: boolean;
  tokenKey: TokenKey;
  log: Log;
}

export type RunningApp = RunningServer;

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const services = createServices(new TransactionalUnitOfWork(options.orm));
  return startServer({
    port: options.port,
    host: options.host,
    isProduction: options.isProduction,
    schema: await createSchema(),
    orm: options.orm,
    services,
    verifyToken: createTokenVerifier(options.tokenKey),
    log: options.log,
  });
}
