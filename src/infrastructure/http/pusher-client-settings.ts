/**
 * The pusher-js settings GET /pusher/config returns (and `serve` prints): one shape, whose socket
 * address depends on which Pusher is in use (docs/pusher-server.md, "Client settings").
 */
import type { PusherTarget } from '../config';
import type { PusherClientSettings } from './pusher-routes';

/** The Pusher this instance serves: the built-in endpoint with its credentials, or an external one. */
export type PusherInUse =
  | { kind: 'built-in'; credentials: { appId: string; key: string; secret: string } }
  | Extract<PusherTarget, { kind: 'external' }>;

/** The settings for a client that reached the API at `apiUrl` (origin and any path prefix). */
export function pusherClientSettings(pusher: PusherInUse): (apiUrl: string) => PusherClientSettings {
  const key = pusher.kind === 'built-in' ? pusher.credentials.key : pusher.key;
  const cluster = (pusher.kind === 'external' ? pusher.cluster : undefined) ?? 'mt1';
  return (apiUrl) => {
    const authEndpoint = `${apiUrl}/pusher/auth`;
    return {
      key,
      cluster,
      ...socketsOf(pusher, apiUrl),
      authEndpoint,
      channelAuthorization: { endpoint: authEndpoint, transport: 'ajax' },
    };
  };
}

/** Where pusher-js opens its socket; nothing for hosted Pusher (it derives ws-{cluster}.pusher.com). */
function socketsOf(pusher: PusherInUse, apiUrl: string): Pick<PusherClientSettings, 'wsHost' | 'wsPort' | 'forceTLS'> {
  if (pusher.kind === 'built-in') {
    // pusher-js connects where the browser reached the API (through a proxy, its public host and port).
    const api = new URL(apiUrl);
    const tls = api.protocol === 'https:';
    return { wsHost: api.hostname, wsPort: Number(api.port || (tls ? 443 : 80)), forceTLS: tls };
  }
  // Behind a load balancer, browsers reach the Pusher server elsewhere than the API publishes to.
  if (pusher.client) return { wsHost: pusher.client.host, wsPort: pusher.client.port, forceTLS: pusher.client.useTLS };
  if (pusher.host) return { wsHost: pusher.host, wsPort: pusher.port, forceTLS: pusher.useTLS };
  return { forceTLS: true };
}
