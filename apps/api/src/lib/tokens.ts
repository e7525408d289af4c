import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

const ALGORITHM = 'HS256';
const ISSUER = 'canteen';
const AUDIENCE = 'canteen-api';

export type AccessClaims = { sub: string; iat: number; exp: number };

export type TokenSigner = {
  ttlSeconds: number;
  sign: (userId: string) => Promise<{ token: string; expiresAt: Date }>;
  /** Returns the claims, or null for anything not issued by us and still valid. */
  verify: (token: string) => Promise<AccessClaims | null>;
};

/** Verified tokens remembered (until they expire); beyond this many the memory starts again. */
const MAX_VERIFIED = 20_000;

/**
 * Short-lived access JWTs. The algorithm is pinned on verify, so `alg: none` and key-confusion tokens fail.
 * The HMAC key is imported once (jose would import raw bytes on every call), and a token already verified is not
 * verified again: its claims cannot change, and whether its person may still act is decided per request.
 */
export const createTokenSigner = (secret: string, ttlSeconds: number): TokenSigner => {
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const verified = new Map<string, AccessClaims>();
  return {
    ttlSeconds,
    async sign(userId) {
      const issuedAt = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(await key);
      return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (known.exp > Date.now() / 1000) return known;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, await key, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
        if (typeof payload.sub !== 'string' || typeof payload.iat !== 'number' || typeof payload.exp !== 'number') return null;
        const claims = { sub: payload.sub, iat: payload.iat, exp: payload.exp };
        if (verified.size >= MAX_VERIFIED) verified.clear();
        verified.set(token, claims);
        return claims;
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) return null;
        throw error;
      }
    },
  };
};

/** Opaque random secrets (refresh tokens, reset links); only their SHA-256 is stored. */
export const randomToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
