import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected } from './port';

/** The sandbox's signature header (Stripe's is `stripe-signature`). */
export const SIGNATURE_HEADER = 'canteen-signature';

/** How old a signed webhook may be, as Stripe's default: older ones are replays and are refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The sandbox's signature header, in Stripe's format: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const signPayload = (secret: string, body: string, at = new Date()): string => {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
};

/** Refuses a missing, malformed, tampered or stale signature (constant-time comparison). */
export const verifySignature = (
  secret: string,
  { body, header }: { body: string; header: string | undefined },
  now = new Date(),
): void => {
  if (!header) throw new WebhookRejected('missing signature');
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) throw new WebhookRejected('malformed signature');
  if (Math.abs(now.getTime() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) throw new WebhookRejected('stale signature');
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) throw new WebhookRejected('signature mismatch');
};
