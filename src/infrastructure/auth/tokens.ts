/**
 * Bearer tokens (docs/domain.md, "Who may do what"): a JWT whose `sub` and
 * `name` name the user and whose `hotels` claim maps hotel identifiers to a
 * role, e.g.
 * `{"sub":"u1","name":"Aoife Byrne","hotels":{"hotel-killarney":"manager"}}`.
 * HS256 with a shared secret, or any algorithm a JWKS URL publishes.
 */
import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../../domain/errors';
import { hasControlCharacter } from '../../domain/validation';
import { ROLES, type Role, type Viewer } from '../../domain/viewer';

export type TokenVerifier = (token: string) => Promise<Viewer>;

export type TokenKey = { kind: 'secret'; secret: string } | { kind: 'jwks'; jwksUrl: string };

/** Tokens verified recently, so a client sending the same token on every request costs one verification. */
const VERIFIED_CACHE_SIZE = 10_000;

export function createTokenVerifier(key: TokenKey): TokenVerifier {
  const verificationKey: Uint8Array | JWTVerifyGetKey =
    key.kind === 'secret' ? new TextEncoder().encode(key.secret) : createRemoteJWKSet(new URL(key.jwksUrl));
  // Map keeps insertion order: the first key is the oldest.
  const verified = new Map<string, Viewer>();
  const verify = async (token: string): Promise<Viewer> => {
    let payload: JWTPayload;
    try {
      ({ payload } =
        verificationKey instanceof Uint8Array
          ? await jwtVerify(token, verificationKey, { algorithms: ['HS256'] })
          : await jwtVerify(token, verificationKey));
    } catch (error) {
      throw invalid((error as Error).message);
    }
    return viewerFromClaims(payload);
  };
  return async (token) => {
    const known = verified.get(token);
    // A token is only ever valid until it expires: past that it is verified (and refused) again.
    if (known && (!known.expiresAt || known.expiresAt.getTime() > Date.now())) return known;
    const viewer = await verify(token);
    verified.delete(token);
    verified.set(token, viewer);
    if (verified.size > VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    return viewer;
  };
}

/** What the claims may hold: the user's id and name are stored with what they do (approvals, movements). */
const CLAIM_LIMITS = { subject: 128, name: 200, hotels: 100, hotelIdentifier: 100 } as const;

function invalid(reason: string): DomainError {
  return new DomainError('UNAUTHENTICATED', `Invalid token: ${reason}`);
}

function checkClaimText(claim: string, value: string, maxLength: number): void {
  if (value.length > maxLength) throw invalid(`the ${claim} claim is longer than ${maxLength} characters`);
  if (hasControlCharacter(value) || /[\r\n]/.test(value))
    throw invalid(`the ${claim} claim contains a control character`);
}

function viewerFromClaims(payload: JWTPayload): Viewer {
  const { sub, name, hotels } = payload as JWTPayload & { name?: unknown; hotels?: unknown };
  if (typeof sub !== 'string' || sub.trim() === '') throw invalid('no subject');
  checkClaimText('sub', sub, CLAIM_LIMITS.subject);
  if (name !== undefined && typeof name !== 'string') throw invalid('the name claim must be a string');
  if (typeof name === 'string') checkClaimText('name', name, CLAIM_LIMITS.name);
  if (typeof hotels !== 'object' || hotels === null || Array.isArray(hotels)) {
    throw invalid('the hotels claim must map hotel identifiers to roles');
  }
  const entries = Object.entries(hotels);
  if (entries.length > CLAIM_LIMITS.hotels)
    throw invalid(`the hotels claim names more than ${CLAIM_LIMITS.hotels} hotels`);
  const memberships = new Map<string, Role>();
  for (const [hotel, role] of entries) {
    checkClaimText('hotels', hotel, CLAIM_LIMITS.hotelIdentifier);
    if (!ROLES.includes(role as Role)) throw invalid(`unknown role for ${hotel}`);
    memberships.set(hotel, role as Role);
  }
  return {
    id: sub,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : sub,
    hotels: memberships,
    ...(typeof payload.exp === 'number' ? { expiresAt: new Date(payload.exp * 1000) } : {}),
  };
}

interface TokenClaims {
  userId: string;
  name: string;
  hotels: Record<string, Role>;
}

/** Development tokens for a shared secret (`npm run token`, the start-up banner, the tests). */
export function signToken(secret: string, claims: TokenClaims, expiresIn = '30d'): Promise<string> {
  return new SignJWT({ name: claims.name, hotels: claims.hotels })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** The token from an `Authorization: Bearer …` value, or null when absent. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
}
