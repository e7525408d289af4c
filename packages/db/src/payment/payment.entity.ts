import { defineEntity, p } from '@mikro-orm/core';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { User } from '../user/user.entity';

/**
 * A card top-up. Created `pending` with the checkout the provider gave; only a verified webhook moves it on
 * (`applyPaymentEvent` in @canteen/shared decides how), and the wallet credit is written in the same transaction
 * that marks it succeeded.
 */
export const PaymentSchema = defineEntity({
  name: 'Payment',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User).ref().deleteRule('restrict'),
    provider: p.enum(PAYMENT_PROVIDERS).nativeEnumName('payment_provider'),
    /** The provider's id for the checkout (Stripe: the Checkout Session id); set once the checkout exists. */
    providerRef: p.string().length(255).nullable().unique(),
    /** The provider's id for the money taken (Stripe: the PaymentIntent), learnt from its events; refunds name it. */
    providerPaymentRef: p.string().length(255).nullable().index(),
    amountCents: p.integer().check('amount_cents > 0'),
    status: p.enum(PAYMENT_STATUSES).nativeEnumName('payment_status').default('pending'),
    checkoutUrl: p.text().nullable(),
    /** An abandoned checkout is expired by the job runner at this time. */
    expiresAt: p.datetime(),
    /** When the provider said how it ended (succeeded, declined, failed or expired). */
    settledAt: p.datetime().nullable(),
    failureReason: p.string().length(280).nullable(),
    /** The provider's refunded total, never more than the amount. */
    refundedCents: p.integer().default(0).check('refunded_cents >= 0 and refunded_cents <= amount_cents'),
    /** Refunded by the provider but already spent: what could not be taken back from the wallet. */
    refundShortfallCents: p.integer().default(0).check('refund_shortfall_cents >= 0'),
  },
  indexes: [
    { properties: ['user', 'createdAt'] },
    { properties: ['status', 'expiresAt'] },
    { name: 'payment_shortfall_index', properties: ['createdAt'], where: 'refund_shortfall_cents > 0' },
  ],
});

export class Payment extends PaymentSchema.class {}
PaymentSchema.setClass(Payment);

/**
 * One provider event, recorded in the transaction that applies it. The unique (provider, event id) makes a
 * second delivery of the same event, concurrent or late, a no-op: exactly-once processing.
 */
export const WebhookEventSchema = defineEntity({
  name: 'WebhookEvent',
  properties: {
    ...baseProperties,
    provider: p.enum(PAYMENT_PROVIDERS).nativeEnumName('payment_provider'),
    eventId: p.string().length(255),
    type: p.string().length(120),
    payment: () => p.manyToOne(Payment).ref().nullable().deleteRule('set null').index(),
    /** What it changed: the status it moved the payment to, or null when it changed nothing. */
    outcome: p.string().length(40).nullable(),
  },
  uniques: [{ properties: ['provider', 'eventId'] }],
});

export class WebhookEvent extends WebhookEventSchema.class {}
WebhookEventSchema.setClass(WebhookEvent);
