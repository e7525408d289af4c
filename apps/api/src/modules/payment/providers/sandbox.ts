import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { PaymentEvent } from '@canteen/shared';
import type { Jobs } from '../../../lib/jobs';
import { type PaymentProvider, WebhookRejected } from './port';
import { SIGNATURE_HEADER, signPayload, verifySignature } from './signature';

/**
 * The default provider: no keys, no network. Its hosted checkout is a page this app serves
 * (`/sandbox/checkout/:paymentId`, sandbox-page.ts) where a person pays or declines; it then delivers a
 * signed webhook to `/webhooks/payments/sandbox` through the job queue, retried with backoff on non-2xx,
 * exactly as a real provider does. Event ids are stable per outcome, so a double-click is one event.
 */
export type SandboxEvent = {
  id: string;
  type: 'checkout.paid' | 'checkout.declined' | 'checkout.expired' | 'payment.refunded';
  paymentId: string;
  refundedTotalCents?: number;
};

const SandboxEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.enum(['checkout.paid', 'checkout.declined', 'checkout.expired', 'payment.refunded']),
  paymentId: z.uuid(),
  refundedTotalCents: z.number().int().min(0).optional(),
});

const toPaymentEvent = (event: SandboxEvent): PaymentEvent =>
  event.type === 'payment.refunded'
    ? { type: 'refunded', refundedTotalCents: event.refundedTotalCents ?? 0 }
    : { type: SANDBOX_OUTCOMES[event.type] };

const SANDBOX_OUTCOMES = {
  'checkout.paid': 'succeeded',
  'checkout.declined': 'declined',
  'checkout.expired': 'expired',
} as const;

export type SandboxProvider = PaymentProvider & {
  /** The page's access token for one payment: only the person sent to checkout can open it. */
  checkoutToken: (paymentId: string) => string;
  isCheckoutToken: (paymentId: string, token: string) => boolean;
  /** What the hosted page does when the person chooses: queue the event's delivery (in `em`'s transaction). */
  deliver: (event: SandboxEvent, em?: EntityManager) => Promise<void>;
};

export type SandboxConfig = {
  /** Signs webhooks and checkout links; shared by every process (API and worker). */
  secret: string;
  jobs: Jobs;
  /** Where webhooks are delivered: an API's `/webhooks/payments/sandbox`, resolved at each delivery. */
  webhookUrl: () => string;
};

export const createSandboxProvider = ({ secret, jobs, webhookUrl }: SandboxConfig): SandboxProvider => {
  const checkoutToken = (paymentId: string) => createHmac('sha256', secret).update(`checkout:${paymentId}`).digest('base64url');
  const deliver = async (event: SandboxEvent, em?: EntityManager) => {
    await jobs.send('sandbox-webhook', { body: JSON.stringify(event) }, em ? { em } : {});
  };
  // Works the delivery queue in this process: signs each attempt afresh and fails it on a non-2xx answer.
  const work = () =>
    jobs.work('sandbox-webhook', async ({ body }) => {
      const response = await fetch(webhookUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signPayload(secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    });
  return {
    name: 'sandbox',
    checkoutToken,
    isCheckoutToken: (paymentId, token) => {
      const expected = Buffer.from(checkoutToken(paymentId));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    deliver,
    work,
    async createCheckout({ paymentId }) {
      return {
        providerRef: `sbx_${paymentId}`,
        checkoutUrl: `/sandbox/checkout/${paymentId}?token=${checkoutToken(paymentId)}`,
      };
    },
    async verifyWebhook(rawBody, signatureHeader) {
      verifySignature(secret, { body: rawBody, header: signatureHeader });
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        throw new WebhookRejected('body is not JSON');
      }
      const result = SandboxEventSchema.safeParse(parsed);
      if (!result.success) throw new WebhookRejected('not a sandbox event');
      const event = result.data;
      return {
        eventId: event.id,
        type: event.type,
        lookup: { paymentId: event.paymentId },
        event: toPaymentEvent(event),
        failureReason: event.type === 'checkout.declined' ? 'Declined at checkout' : null,
      };
    },
    // The sandbox page reads the payment's own state, so an expired payment cannot be paid there any more.
    async expireCheckout() {},
    async refund({ payment, refundedTotalCents, em }) {
      await deliver(
        {
          id: `evt_${payment.id}_refund_${refundedTotalCents}`,
          type: 'payment.refunded',
          paymentId: payment.id,
          refundedTotalCents,
        },
        em,
      );
    },
  };
};
