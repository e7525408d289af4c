import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

const ALGORITHM = 'HS256';
const ISSUER = 'canteen';
const AUDIENCE = 'canteen-api';
/** A stream ticket opens one live-event stream (`live.events`) and nothing else. */
const STREAM_AUDIENCE = 'canteen-live';
/** Long enough to open the stream it was asked for; a URL that leaks into a log is of no use after it. */
export const STREAM_TICKET_SECONDS = 60;

export type AccessClaims = { sub: string; iat: number; exp: number };

export type TokenSigner = {
  ttlSeconds: number;
  sign: (userId: string) => Promise<{ token: string; expiresAt: Date }>;
  /** Returns the claims, or null for anything not issued by us and still valid. */
  verify: (token: string) => Promise<AccessClaims | null>;
  /**
   * A ticket for the person's live-event stream: an EventSource cannot send headers, so what opens the stream
   * travels in its URL, and a proxy's log may keep it. A ticket there opens a stream for a minute; an access
   * token there would act for the person for its whole life.
   */
  signTicket: (userId: string) => Promise<{ token: string; expiresAt: Date }>;
  /** A stream ticket's claims; an access token is not a ticket, nor a ticket an access token. */
  verifyTicket: (token: string) => Promise<AccessClaims | null>;
};

/** Verified tokens remembered (until they expire); beyond this many the memory starts again. */
const MAX_VERIFIED = 20_000;

/**
 * Short-lived access JWTs, and shorter stream tickets with an audience of their own. The algorithm is pinned on
 * verify, so `alg: none` and key-confusion tokens fail. The HMAC key is imported once (jose would import raw bytes
 * on every call), and a token already verified is not verified again: its claims cannot change, and whether its
 * person may still act is decided per request.
 */
export const createTokenSigner = (secret: string, ttlSeconds: number): TokenSigner => {
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const signer = (audience: string, seconds: number) => async (userId: string) => {
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + seconds)
      .sign(await key);
    return { token, expiresAt: new Date((issuedAt + seconds) * 1000) };
  };
  const verifier = (audience: string) => {
    const verified = new Map<string, AccessClaims>();
    return async (token: string): Promise<AccessClaims | null> => {
      const known = verified.get(token);
      if (known) {
        if (known.exp > Date.now() / 1000) return known;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, await key, { algorithms: [ALGORITHM], issuer: ISSUER, audience });
        if (typeof payload.sub !== 'string' || typeof payload.iat !== 'number' || typeof payload.exp !== 'number') return null;
        const claims = { sub: payload.sub, iat: payload.iat, exp: payload.exp };
        if (verified.size >= MAX_VERIFIED) verified.clear();
        verified.set(token, claims);
        return claims;
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) return null;
        throw error;
      }
    };
  };
  return {
    ttlSeconds,
    sign: signer(AUDIENCE, ttlSeconds),
    verify: verifier(AUDIENCE),
    signTicket: signer(STREAM_AUDIENCE, Math.min(STREAM_TICKET_SECONDS, ttlSeconds)),
    verifyTicket: verifier(STREAM_AUDIENCE),
  };
};

/** Opaque random secrets (refresh tokens, reset links); only their SHA-256 is stored. */
export const randomToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
