/**
 * Decides whether a new connection is accepted, from the app key in its path and its query
 * string. Refusals are close codes after the upgrade, as the hosted service does: pusher-js
 * reads the code and stops retrying instead of hammering the server.
 */
import { truncate } from '../../pusher-limits';
import { CloseCode, PROTOCOL_VERSION } from './messages';

/** What a transport learned from the upgrade request. */
export interface HandshakeRequest {
  /** The `:key` of `/app/:key`, percent-decoded. */
  appKey: string;
  query: URLSearchParams;
  /** The client's address, for the per-address connection quota (quotas.ts); absent counts as one address. */
  address?: string;
}

interface HandshakeRefusal {
  code: CloseCode;
  reason: string;
}

/** Returns why the connection is refused, or null to accept it. */
export function refuseHandshake(request: HandshakeRequest, expectedKey: string): HandshakeRefusal | null {
  if (request.appKey !== expectedKey) {
    return {
      code: CloseCode.UnknownAppKey,
      reason: `App key ${truncate(request.appKey, 40)} not in this cluster. Did you forget to specify the cluster?`,
    };
  }
  const protocol = request.query.get('protocol');
  if (protocol === null || protocol === '') {
    return { code: CloseCode.NoProtocolVersion, reason: 'No protocol version supplied' };
  }
  if (!/^\d+$/.test(protocol)) {
    return { code: CloseCode.InvalidVersionFormat, reason: 'Invalid version string format' };
  }
  if (Number(protocol) !== PROTOCOL_VERSION) {
    return {
      code: CloseCode.UnsupportedProtocolVersion,
      reason: `Unsupported protocol version ${protocol}; this server speaks ${PROTOCOL_VERSION}`,
    };
  }
  return null;
}
