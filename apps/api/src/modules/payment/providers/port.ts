import type { EntityManager } from '@mikro-orm/postgresql';
import type { PaymentEvent, PaymentProviderName } from '@canteen/shared';

/** What we ask a provider for: a hosted checkout for one top-up. */
export type CheckoutRequest = {
  paymentId: string;
  amountCents: number;
  customerEmail: string;
  expiresAt: Date;
  /** Where the provider sends the person back to (the web's return page for this payment). */
  returnUrl: string;
  /** Where a person who cancels at the checkout goes (the same page, told so). */
  cancelUrl: string;
};

export type Checkout = { providerRef: string; checkoutUrl: string };

/** How a verified event names its payment: our id, the checkout's id, or the provider's payment id. */
export type PaymentLookup = { paymentId?: string | null; providerRef?: string | null; providerPaymentRef?: string | null };

/** A webhook whose signature and timestamp were verified, in our words. `event` null: nothing for us to do. */
export type VerifiedEvent = {
  eventId: string;
  type: string;
  lookup: PaymentLookup;
  event: PaymentEvent | null;
  /** The provider's payment id when the event reveals it (kept for refunds). */
  providerPaymentRef?: string | null;
  failureReason?: string | null;
};

/** A webhook that is unsigned, tampered with, stale or unreadable: answered 400, nothing written. */
export class WebhookRejected extends Error {
  override readonly name = 'WebhookRejected';
}

/** A provider that could not be reached or refused the request (network, keys, limits on its side). */
export class ProviderUnavailable extends Error {
  override readonly name = 'ProviderUnavailable';
}

/** The port every payment provider adapter implements (sandbox.ts, stripe.ts). */
export type PaymentProvider = {
  name: PaymentProviderName;
  createCheckout: (request: CheckoutRequest) => Promise<Checkout>;
  /** Throws WebhookRejected unless the raw body is signed with our secret within the tolerance. */
  verifyWebhook: (rawBody: string, signatureHeader: string | undefined) => Promise<VerifiedEvent>;
  /** Closes a checkout nobody finished, so it can no longer be paid; a no-op when it already ended. */
  expireCheckout: (providerRef: string) => Promise<void>;
  /**
   * Asks the provider to refund; the outcome arrives later as a webhook. `refundedTotalCents` (what will have
   * been refunded in all) keys the request, so asking twice refunds once.
   */
  refund: (request: {
    payment: RefundablePayment;
    amountCents: number;
    refundedTotalCents: number;
    /** Where the request can join the caller's transaction (the sandbox queues its webhook there). */
    em?: EntityManager;
  }) => Promise<void>;
  /** Background work the provider needs in a worker process (the sandbox delivers its webhooks). */
  work?: () => Promise<void>;
};

export type RefundablePayment = { id: string; providerRef?: string | null; providerPaymentRef?: string | null };
