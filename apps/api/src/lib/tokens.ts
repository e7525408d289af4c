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

/** Short-lived access JWTs. The algorithm is pinned on verify, so `alg: none` and key-confusion tokens fail. */
export const createTokenSigner = (secret: string, ttlSeconds: number): TokenSigner => {
  const key = new TextEncoder().encode(secret);
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
        .sign(key);
      return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
        if (typeof payload.sub !== 'string' || typeof payload.iat !== 'number' || typeof payload.exp !== 'number') return null;
        return { sub: payload.sub, iat: payload.iat, exp: payload.exp };
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
