import { Stripe } from 'stripe';
import type { PaymentEvent } from '@canteen/shared';
import { type PaymentProvider, ProviderUnavailable, type VerifiedEvent, WebhookRejected } from './port';
import { WEBHOOK_TOLERANCE_SECONDS } from './signature';

/**
 * Stripe Checkout Sessions with the official package, chosen when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are
 * set. Webhooks are verified with `constructEventAsync` (signature and a 5-minute tolerance). `apiBase` points
 * the client at another host (tests use a local stand-in; production leaves it unset).
 */
export type StripeConfig = {
  secretKey: string;
  webhookSecret: string;
  /** For tests: e.g. http://127.0.0.1:PORT instead of https://api.stripe.com. */
  apiBase?: string | undefined;
};

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === 'string' ? value : (value?.id ?? null);

/** The events we act on, in our words; every other event type is acknowledged and ignored. */
const translate = (event: Stripe.Event): Pick<VerifiedEvent, 'event' | 'lookup' | 'providerPaymentRef' | 'failureReason'> => {
  if (event.type === 'charge.refunded') {
    const charge = event.data.object;
    return {
      event: { type: 'refunded', refundedTotalCents: charge.amount_refunded },
      lookup: { providerPaymentRef: idOf(charge.payment_intent) },
    };
  }
  const isSessionEvent =
    event.type === 'checkout.session.completed' ||
    event.type === 'checkout.session.async_payment_succeeded' ||
    event.type === 'checkout.session.async_payment_failed' ||
    event.type === 'checkout.session.expired';
  if (!isSessionEvent) return { event: null, lookup: {} };
  const session = event.data.object;
  let paymentEvent: PaymentEvent | null = null;
  if (event.type === 'checkout.session.expired') paymentEvent = { type: 'expired' };
  else if (event.type === 'checkout.session.async_payment_failed') paymentEvent = { type: 'failed' };
  // A completed session with a delayed method (SEPA…) is still unpaid: the async event settles it.
  else if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
    paymentEvent = { type: 'succeeded' };
  }
  return {
    event: paymentEvent,
    lookup: { paymentId: session.client_reference_id, providerRef: session.id },
    providerPaymentRef: idOf(session.payment_intent),
    failureReason: paymentEvent?.type === 'failed' ? 'The payment failed at the bank' : null,
  };
};

const call = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw new ProviderUnavailable(error instanceof Error ? error.message : 'Stripe did not answer', { cause: error });
  }
};

export const createStripeProvider = ({ secretKey, webhookSecret, apiBase }: StripeConfig): PaymentProvider => {
  const base = apiBase ? new URL(apiBase) : null;
  const stripe = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(base ? { host: base.hostname, port: base.port, protocol: base.protocol === 'http:' ? 'http' : 'https' } : {}),
  });
  return {
    name: 'stripe',
    async createCheckout({ paymentId, amountCents, customerEmail, expiresAt, returnUrl, cancelUrl }) {
      const session = await call(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: paymentId,
            customer_email: customerEmail,
            line_items: [
              {
                quantity: 1,
                price_data: { currency: 'eur', unit_amount: amountCents, product_data: { name: 'Canteen wallet top-up' } },
              },
            ],
            metadata: { paymentId },
            payment_intent_data: { metadata: { paymentId } },
            expires_at: Math.floor(expiresAt.getTime() / 1000),
            success_url: returnUrl,
            cancel_url: cancelUrl,
          },
          { idempotencyKey: `top-up-${paymentId}` },
        ),
      );
      if (!session.url) throw new ProviderUnavailable('Stripe returned a session without a checkout URL');
      return { providerRef: session.id, checkoutUrl: session.url };
    },
    async verifyWebhook(rawBody, signatureHeader) {
      if (!signatureHeader) throw new WebhookRejected('missing signature');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signatureHeader, webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch (error) {
        throw new WebhookRejected(error instanceof Error ? error.message : 'invalid signature');
      }
      return { eventId: event.id, type: event.type, ...translate(event) };
    },
    async expireCheckout(providerRef) {
      const session = await call(() => stripe.checkout.sessions.retrieve(providerRef));
      if (session.status === 'open') await call(() => stripe.checkout.sessions.expire(providerRef));
    },
    async refund({ payment, amountCents, refundedTotalCents }) {
      const paymentIntent = payment.providerPaymentRef;
      if (!paymentIntent) throw new ProviderUnavailable('Stripe has not reported this payment yet');
      await call(() =>
        stripe.refunds.create(
          { payment_intent: paymentIntent, amount: amountCents, metadata: { paymentId: payment.id } },
          { idempotencyKey: `refund-${payment.id}-${refundedTotalCents}` },
        ),
      );
    },
  };
};
