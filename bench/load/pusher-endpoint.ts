/**
 * An external Pusher-compatible endpoint for B5 and B6: the built-in
 * `PusherCompatibleServer` on its own port, in its own process, behind
 * express/http (as test/support/pusher-endpoint.ts does), standing in for
 * hosted Pusher. A `beforePublish` middleware answers every publish request
 * only after the current delay; an `onPublished` observer counts events per
 * channel and checks that each channel's `meta.sequence` only increases.
 *
 * Control routes (plain HTTP, for the orchestrator):
 *   POST /bench/delay?ms=N         sets the delay (0 = answer at once)
 *   POST /bench/refuse?on=1|0      answers every publish with 403 (over quota) while on
 *   POST /bench/reset              forgets what was counted
 *   GET  /bench/stats              what was counted
 *   GET  /bench/wait?events=N&timeoutMs=T   answers once N events were accepted (or T passed)
 */
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PusherCompatibleServer, type PublishedEvents } from '../../src/realtime/pusher-server';
import { serve } from '../lib/rpc';

interface ChannelState {
  events: number;
  firstSequence: number;
  lastSequence: number;
}

let delayMs = 0;
let refusing = false;
let channels = new Map<string, ChannelState>();
let events = 0;
let requests = 0;
let orderViolations = 0;
let repeats = 0;
let gaps = 0;
let firstAt = 0;
let lastAt = 0;
let maxBatch = 0;
let waiters: Array<{ events: number; wake: () => void }> = [];

function observe(published: PublishedEvents): void {
  const at = performance.timeOrigin + performance.now();
  requests += 1;
  maxBatch = Math.max(maxBatch, published.length);
  for (const event of published) {
    const sequence = (JSON.parse(event.data) as { meta?: { sequence?: number } }).meta?.sequence ?? NaN;
    for (const channel of event.channels) {
      events += 1;
      if (firstAt === 0) firstAt = at;
      lastAt = at;
      const state = channels.get(channel);
      if (!state) {
        channels.set(channel, { events: 1, firstSequence: sequence, lastSequence: sequence });
        continue;
      }
      state.events += 1;
      if (sequence < state.lastSequence) orderViolations += 1;
      else if (sequence === state.lastSequence) repeats += 1;
      else {
        if (sequence > state.lastSequence + 1) gaps += sequence - state.lastSequence - 1;
        state.lastSequence = sequence;
      }
    }
  }
  waiters = waiters.filter((waiter) => {
    if (events < waiter.events) return true;
    waiter.wake();
    return false;
  });
}

function stats() {
  return {
    delayMs,
    refusing,
    events,
    requests,
    maxBatch,
    channels: channels.size,
    orderViolations,
    repeats,
    gaps,
    firstAt,
    lastAt,
    perChannel: Object.fromEntries([...channels].map(([name, state]) => [name, state])),
  };
}

let httpServer: http.Server | undefined;
let pusher: PusherCompatibleServer | undefined;

serve({
  async start(params: { appId: string; key: string; secret: string }) {
    pusher = new PusherCompatibleServer({
      ...params,
      beforePublish: (_request, response, next) => {
        if (refusing) response.status(403).type('text/plain').send('Over quota (refused by the bench)');
        else if (delayMs > 0) setTimeout(next, delayMs);
        else next();
      },
      onPublished: (_endpoint, published) => observe(published),
    });
    const app = express();
    app.post('/bench/delay', (request, response) => {
      delayMs = Math.max(0, Number(request.query.ms ?? 0));
      response.json({ delayMs });
    });
    app.post('/bench/refuse', (request, response) => {
      refusing = request.query.on === '1';
      response.json({ refusing });
    });
    app.post('/bench/reset', (_request, response) => {
      channels = new Map();
      events = requests = orderViolations = repeats = gaps = firstAt = lastAt = maxBatch = 0;
      response.json({ ok: true });
    });
    app.get('/bench/stats', (_request, response) => {
      response.json(stats());
    });
    app.get('/bench/wait', (request, response) => {
      const wanted = Number(request.query.events ?? 0);
      const timeoutMs = Number(request.query.timeoutMs ?? 30_000);
      const answer = () => response.json({ ...stats(), reached: events >= wanted });
      if (events >= wanted) return answer();
      const timer = setTimeout(() => {
        waiters = waiters.filter((waiter) => waiter.wake !== wake);
        answer();
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        answer();
      };
      waiters.push({ events: wanted, wake });
    });
    app.use(pusher.httpRouter);
    httpServer = http.createServer(app);
    httpServer.on('upgrade', (request, socket, head) => {
      if (!pusher!.handleUpgrade(request, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => httpServer!.listen(0, '127.0.0.1', resolve));
    return { port: (httpServer.address() as AddressInfo).port };
  },
  async stop() {
    await pusher?.close();
    httpServer?.closeAllConnections();
    await new Promise<void>((resolve) => (httpServer ? httpServer.close(() => resolve()) : resolve()));
  },
});
