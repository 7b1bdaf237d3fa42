/**
 * Bounds that only the built-in server needs: they protect this process and are not Pusher
 * rules. Pusher's own limits and naming rules live in ../pusher-limits.ts.
 */

export const SERVER_LIMITS = {
  /** Upper bound on a raw HTTP API body; a full batch is ~10 × 10 KB plus JSON overhead. */
  maxHttpBodyBytes: 512 * 1024,
  /** Upper bound on an inbound WebSocket frame; clients only send small control messages. */
  maxWebSocketFrameBytes: 64 * 1024,
} as const;

/** Kept at this path for callers that have not moved to ../pusher-limits yet. */
