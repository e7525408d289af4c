import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;

const totpFor = (secret: string, label: string): TOTP =>
  new TOTP({ issuer: 'Canteen', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpEnrolment = async (secret: string, label: string) => {
  const otpauthUrl = totpFor(secret, label).toString();
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
};

/** Returns the time step the code belongs to (one step of drift allowed), or null when it does not match. */
export const matchTotp = (secret: string, code: string, now = Date.now()): number | null => {
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
};

/** The current code; used by tests and by the seed's documentation, never by the login path. */
export const currentTotp = (secret: string, now = Date.now()): string => totpFor(secret, 'x').generate({ timestamp: now });
