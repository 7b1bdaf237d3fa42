/**
 * The start-up banner names the token command that works where the server
 * runs (docs/operations.md, "Admin commands"): `npm run token` goes through
 * ts-node, which the image does not have, so it is offered only under a
 * clone's `npm start`; elsewhere the compiled command line the image's
 * entrypoint runs, and the compose form.
 */
import { execFile } from 'node:child_process';
import { closeAfterEach } from './support/closers';
import { CLI, startShippedServer } from './support/shipped-server';
import { JWT_SECRET } from './support/test-app';

const closers = closeAfterEach();

/** The line of `stdout` after `Tokens: `. */
function tokensLine(stdout: string): string | undefined {
  return /^ {2}Tokens: (.*)$/m.exec(stdout)?.[1];
}

it('a production start outside npm start names node dist/src/cli.js token, which works there, and the compose form', async () => {
  const server = await startShippedServer({ NODE_ENV: 'production' }, { ready: /compose stack: .*\n/ });
  closers.push(() => server.close());
  const command = tokensLine(server.stdout());
  expect(command).toBe(`node ${CLI} token --user ID --name NAME --hotel SLUG --role staff|manager`);
  expect(server.stdout()).toContain('\n  (in the compose stack: docker compose run --rm api token --user ID …)\n');

  // As printed, with the placeholders filled in, from the server's working folder and settings.
  const [program, ...args] = command!
    .replace('ID', 'u-banner')
    .replace('NAME', 'Banner')
    .replace('SLUG', 'hotel-killarney')
    .replace('staff|manager', 'staff')
    .split(' ');
  expect(program).toBe('node');
  const token = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      args,
      {
        cwd: server.cwd,
        env: { PATH: process.env.PATH, HOME: server.cwd, NODE_ENV: 'production', AUTH_JWT_SECRET: JWT_SECRET },
      },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim())),
    ),
  );
  const me = await server.post({ query: '{ me { id } }' }, { token });
  expect(me.json).toEqual({ data: { me: { id: 'u-banner' } } });
});

it('under npm start in a clone (ts-node at hand) it names npm run token', async () => {
  const server = await startShippedServer(
    { NODE_ENV: 'production', npm_lifecycle_event: 'start' },
    { ready: /Tokens: .*\n/ },
  );
  closers.push(() => server.close());
  expect(tokensLine(server.stdout())).toBe('npm run token -- --user ID --name NAME --hotel SLUG --role staff|manager');
  expect(server.stdout()).not.toContain('docker compose');
});
