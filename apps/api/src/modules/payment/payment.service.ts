import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Payer, Payment, User, kysely, lockWallet, newId, recordWebhookEvent, runWithAudit, topUpsInLastDay } from '@canteen/db';
import {
  type CreateTopUpInput,
  CursorKeys,
  type PaymentDto,
  type PaymentListInput,
  type PaymentProviderName,
  type RefundPaymentInput,
  type TopUpDto,
  type TopUpOptions,
  applyPaymentEvent,
} from '@canteen/shared';
import { AppError } from '../../errors';
import { mayActOn, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { domain } from '../../lib/metrics';
import { readDb } from '../../lib/replica';
import { ownersInReadReach } from '../../lib/read-reach';
import type { Logger } from '../../logger';
import type { ContextInner } from '../../trpc/context';
import { recordAuditEvent } from '../audit/audit.service';
import { credit, takeBackTopUp } from '../wallet/ledger';
import type { Payments } from './payments';
import { type PaymentProvider, ProviderUnavailable, type VerifiedEvent, WebhookRejected } from './providers/port';
import { recordLiveEvents, walletChanged } from '../live/live.events';
import type { Notifier } from '../notification/notifier';

export type { Payments } from './payments';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps' | 'logger' | 'readFrom'>;

const PRESETS_CENTS = [1_000, 2_000, 5_000];

type PaymentRow = Pick<
  Payment,
  | 'id'
  | 'provider'
  | 'status'
  | 'amountCents'
  | 'refundedCents'
  | 'refundShortfallCents'
  | 'failureReason'
  | 'createdAt'
  | 'expiresAt'
  | 'settledAt'
>;

const toPaymentDto = (payment: PaymentRow, user: { id: string; name: string }): PaymentDto => ({
  id: payment.id,
  userId: user.id,
  userName: user.name,
  provider: payment.provider,
  status: payment.status,
  amountCents: payment.amountCents,
  refundedCents: payment.refundedCents,
  refundShortfallCents: payment.refundShortfallCents,
  failureReason: payment.failureReason ?? null,
  createdAt: payment.createdAt.toISOString(),
  expiresAt: payment.expiresAt.toISOString(),
  settledAt: payment.settledAt?.toISOString() ?? null,
});

const requireProvider = (ctx: Ctx): PaymentProvider => {
  const { provider } = ctx.deps.payments;
  if (!provider) {
    throw new AppError('PRECONDITION_FAILED', 'Card top-ups are not set up here', { reason: 'TOP_UPS_DISABLED' });
  }
  return provider;
};

export const topUpOptions = async (ctx: Ctx): Promise<TopUpOptions> => {
  const user = requireRole(ctx.user, 'user');
  const { provider, limits } = ctx.deps.payments;
  const used = await topUpsInLastDay(ctx.em, user.id);
  return {
    isEnabled: provider !== null,
    provider: provider?.name ?? null,
    minCents: limits.minCents,
    maxCents: limits.maxCents,
    dailyLimitCents: limits.dailyLimitCents,
    remainingTodayCents: Math.max(0, limits.dailyLimitCents - used),
    presetsCents: PRESETS_CENTS.filter((cents) => cents >= limits.minCents && cents <= limits.maxCents),
  };
};

/**
 * Starts a top-up of the caller's own wallet: checks the limits with the wallet locked (two tabs cannot both
 * pass the daily limit), asks the provider for a checkout, and records the pending payment and the job that
 * expires it, all in one transaction. Nothing is credited until the provider's webhook says it was paid.
 */
export const createTopUp = async (ctx: Ctx, input: CreateTopUpInput): Promise<TopUpDto> => {
  const user = requireRole(ctx.user, 'user');
  const provider = requireProvider(ctx);
  const { limits, jobs, returnUrl } = ctx.deps.payments;
  if (input.amountCents < limits.minCents || input.amountCents > limits.maxCents) {
    throw new AppError('BAD_REQUEST', 'Choose an amount within the top-up limits', { reason: 'TOP_UP_OUT_OF_RANGE' });
  }
  return ctx.em.transactional(async (em) => {
    await lockWallet(em, user.id);
    if ((await topUpsInLastDay(em, user.id)) + input.amountCents > limits.dailyLimitCents) {
      throw new AppError('PRECONDITION_FAILED', 'That would go over your daily top-up limit', { reason: 'TOP_UP_DAILY_LIMIT' });
    }
    const paymentId = newId();
    const expiresAt = new Date(Date.now() + limits.checkoutExpiryMinutes * 60_000);
    const checkout = await provider
      .createCheckout({
        paymentId,
        amountCents: input.amountCents,
        customerEmail: user.email,
        expiresAt,
        returnUrl: returnUrl(paymentId),
        cancelUrl: returnUrl(paymentId, 'cancelled'),
      })
      .catch((error: unknown) => {
        if (error instanceof ProviderUnavailable) {
          throw new AppError('PRECONDITION_FAILED', 'The payment provider cannot be reached; try again shortly', {
            reason: 'PAYMENT_PROVIDER_UNAVAILABLE',
            cause: error,
          });
        }
        throw error;
      });
    em.create(Payment, {
      id: paymentId,
      user: em.getReference(User, user.id),
      provider: provider.name,
      providerRef: checkout.providerRef,
      amountCents: input.amountCents,
      checkoutUrl: checkout.checkoutUrl,
      expiresAt,
    });
    await em.flush();
    await jobs.send('payment-expire', { paymentId }, { startAfter: expiresAt, em });
    return { paymentId, checkoutUrl: checkout.checkoutUrl };
  });
};

const PaymentCursorSchema = CursorKeys.id;

/** Own payments; managers those of their department's employees; admins everyone's. Newest first. */
export const listPayments = async (ctx: Ctx, input: PaymentListInput) => {
  const actor = requireRole(ctx.user, 'user');
  const cursor = decodeCursor(input.cursor, PaymentCursorSchema);
  let query = readDb(ctx)
    .selectFrom('Payment as p')
    .innerJoin('User as u', 'u.id', 'p.user')
    .select([
      'p.id',
      'p.provider',
      'p.status',
      'p.amountCents',
      'p.refundedCents',
      'p.refundShortfallCents',
      'p.failureReason',
      'p.createdAt',
      'p.expiresAt',
      'p.settledAt',
      'u.id as userId',
      'u.name as userName',
    ]);
  const owners = await ownersInReadReach(ctx.em, actor, input.userId);
  if (owners) query = query.where('p.user', 'in', owners);
  if (input.status) query = query.where('p.status', '=', input.status);
  if (input.withShortfall) query = query.where('p.refundShortfallCents', '>', 0);
  if (cursor) query = query.where('p.id', '<', cursor[0]);
  const rows = await query
    .orderBy('p.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ userId, userName, ...row }) => toPaymentDto(row, { id: userId, name: userName })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
};

const loadPaymentInScope = async (ctx: Ctx, em: EntityManager, id: string): Promise<Payment> => {
  const actor = requireRole(ctx.user, 'user');
  const payment = await em.findOneOrFail(Payment, id, { populate: ['user'] });
  if (payment.user.id !== actor.id && !mayActOn(actor, payment.user.getEntity(), 'read')) {
    throw new AppError('NOT_FOUND', 'No such payment', { reason: 'NOT_FOUND' });
  }
  return payment;
};

export const getPayment = async (ctx: Ctx, id: string): Promise<PaymentDto> => {
  const payment = await loadPaymentInScope(ctx, ctx.em, id);
  return toPaymentDto(payment, payment.user.getEntity());
};

/**
 * The owner cancelled at the checkout: the checkout is closed at the provider and the payment ends as expired
 * now rather than when its time runs out, so it no longer counts against today's limit. Applied as a provider
 * event with a fixed id: cancelling twice changes nothing, and a payment that succeeded meanwhile stays paid
 * (a success that arrives after the cancel is still credited: the money was taken).
 */
export const cancelTopUp = async (ctx: Ctx, id: string): Promise<PaymentDto> => {
  const owner = requireRole(ctx.user, 'user');
  const payment = await ctx.em.findOne(Payment, { id, user: owner.id });
  if (!payment) throw new AppError('NOT_FOUND', 'No such payment', { reason: 'NOT_FOUND' });
  if (payment.status === 'pending') {
    const { provider } = ctx.deps.payments;
    if (provider && provider.name === payment.provider && payment.providerRef) {
      // A checkout the provider has already closed (paid, expired) cannot be closed again: its own event decides.
      await provider.expireCheckout(payment.providerRef).catch((error: unknown) => {
        if (!(error instanceof ProviderUnavailable)) throw error;
        ctx.logger.warn({ err: error, paymentId: payment.id }, 'could not close the checkout at the provider');
      });
    }
    await applyProviderEvent({ em: ctx.em, notifier: ctx.deps.notifier }, payment.provider, {
      eventId: `cancel_${payment.id}`,
      type: 'cancelled_by_owner',
      lookup: { paymentId: payment.id },
      event: { type: 'expired' },
      failureReason: 'Cancelled at checkout',
    });
  }
  const current = await ctx.em.findOneOrFail(Payment, id, { refresh: true });
  return toPaymentDto(current, owner);
};

/**
 * Admins: asks the provider to refund a top-up. The provider answers with a refund webhook, and that webhook
 * takes the money back (never below zero, recording any shortfall); this call changes no balance itself.
 */
export const refundPayment = async (ctx: Ctx, input: RefundPaymentInput): Promise<PaymentDto> => {
  requireRole(ctx.user, 'admin');
  const provider = requireProvider(ctx);
  return ctx.em.transactional(async (em) => {
    const payment = await loadPaymentInScope(ctx, em, input.paymentId);
    const refundable = payment.amountCents - payment.refundedCents;
    if ((payment.status !== 'succeeded' && payment.status !== 'refunded') || refundable <= 0) {
      throw new AppError('PRECONDITION_FAILED', 'Only a paid top-up with money left to refund can be refunded', {
        reason: 'PAYMENT_NOT_REFUNDABLE',
      });
    }
    const amountCents = Math.min(input.amountCents ?? refundable, refundable);
    const refundedTotalCents = payment.refundedCents + amountCents;
    await recordAuditEvent(em, {
      action: 'payment.refund',
      entity: 'Payment',
      entityId: payment.id,
      after: { requestedCents: amountCents, refundedTotalCents },
    });
    await provider.refund({ payment, amountCents, refundedTotalCents, em }).catch((error: unknown) => {
      if (error instanceof ProviderUnavailable) {
        throw new AppError('PRECONDITION_FAILED', 'The payment provider cannot be reached; try again shortly', {
          reason: 'PAYMENT_PROVIDER_UNAVAILABLE',
          cause: error,
        });
      }
      throw error;
    });
    return toPaymentDto(payment, payment.user.getEntity());
  });
};

/** The wallet's personal top-up payer (DESIGN §4); created on first use on a database without demo data. */
const topUpPayer = async (em: EntityManager): Promise<Payer> =>
  (await em.findOne(Payer, { kind: 'personal' }, { orderBy: { createdAt: 'asc' } })) ??
  em.create(Payer, { name: 'Personal top-up', kind: 'personal', department: null });

const findPayment = (em: EntityManager, lookup: VerifiedEvent['lookup']): Promise<Payment | null> => {
  const where = lookup.paymentId
    ? { id: lookup.paymentId }
    : lookup.providerRef
      ? { providerRef: lookup.providerRef }
      : lookup.providerPaymentRef
        ? { providerPaymentRef: lookup.providerPaymentRef }
        : null;
  return where ? em.findOne(Payment, where) : Promise.resolve(null);
};

export type EventOutcome = 'duplicate' | 'unknown_payment' | 'ignored' | 'applied';

/**
 * Applies one verified provider event exactly once, in one transaction: the event is recorded (a duplicate
 * stops here), the payment is locked, `applyPaymentEvent` decides, and the credit or take-back is written
 * with the payment's new state. Every change goes through the unit of work, so it is audited.
 */
export const applyProviderEvent = async (
  { em, notifier }: { em: EntityManager; notifier?: Notifier | undefined },
  provider: PaymentProviderName,
  verified: VerifiedEvent,
): Promise<EventOutcome> => {
  // How the checkout ended, when this event ended it; counted once the transaction committed.
  const ended = { status: null as string | null };
  const applied = await em.transactional(async (tx) => {
    const eventRowId = await recordWebhookEvent(tx, { provider, eventId: verified.eventId, type: verified.type });
    if (!eventRowId) return 'duplicate';
    const found = await findPayment(tx, verified.lookup);
    const outcome = async (value: EventOutcome, payment: Payment | null, status: string | null) => {
      await kysely(tx)
        .updateTable('WebhookEvent')
        .set({ payment: payment?.id ?? null, outcome: status ?? value })
        .where('id', '=', eventRowId)
        .execute();
      return value;
    };
    if (!found || found.provider !== provider) return outcome('unknown_payment', null, null);
    await lockWallet(tx, found.user.id);
    const payment = await tx.findOneOrFail(Payment, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (verified.providerPaymentRef && !payment.providerPaymentRef) payment.providerPaymentRef = verified.providerPaymentRef;
    const transition = verified.event ? applyPaymentEvent(payment, verified.event) : null;
    if (!transition) {
      await tx.flush();
      return outcome('ignored', payment, null);
    }
    const wasPending = payment.status === 'pending';
    payment.status = transition.state.status;
    payment.refundedCents = transition.state.refundedCents;
    if (wasPending && payment.status !== 'pending') {
      payment.settledAt = new Date();
      ended.status = payment.status;
    }
    if (verified.failureReason && ['declined', 'failed', 'expired'].includes(payment.status)) {
      payment.failureReason = verified.failureReason;
    }
    for (const effect of transition.effects) {
      if (effect.kind === 'credit') {
        credit(tx, {
          userId: payment.user.id,
          payer: await topUpPayer(tx),
          amountCents: effect.amountCents,
          occurredAt: new Date(),
          kind: 'top_up',
          createdBy: null,
          note: 'Card top-up',
          payment,
        });
        // The lot must exist before a take-back in the same event can draw on it.
        await tx.flush();
      } else {
        const taken = await takeBackTopUp(tx, { payment, amountCents: effect.amountCents, note: 'Card top-up refunded' });
        payment.refundShortfallCents += effect.amountCents - taken;
      }
    }
    await tx.flush();
    // The person's wallet page follows (the top-up's money, or its ending), through the live_event trigger's NOTIFY.
    await recordLiveEvents(tx, [walletChanged(payment.user.id)]);
    // How a top-up ended, told to its person (an abandoned checkout that expired is not news to them).
    const told =
      ended.status === 'succeeded'
        ? 'top_up_succeeded'
        : ended.status === 'declined' || ended.status === 'failed'
          ? 'top_up_failed'
          : null;
    if (told && notifier) {
      await notifier.notify(tx, [
        { userId: payment.user.id, kind: told, payload: { paymentId: payment.id, amountCents: payment.amountCents } },
      ]);
    }
    return outcome('applied', payment, payment.status);
  });
  if (ended.status) domain.topUps.inc({ status: ended.status });
  return applied;
};

/** What the webhook endpoint answers: 200 for anything verified (even a duplicate), 400 for a rejected one. */
export const handleWebhook = async (
  { em, payments, logger }: { em: EntityManager; payments: Payments; logger: Logger },
  request: { provider: string; rawBody: string; signature: string | undefined; requestId: string; ip: string | null },
): Promise<{ status: 200 | 400 | 404; outcome: string }> => {
  const { provider } = payments;
  if (!provider || provider.name !== request.provider) return { status: 404, outcome: 'no such provider' };
  let verified: VerifiedEvent;
  try {
    verified = await provider.verifyWebhook(request.rawBody, request.signature);
  } catch (error) {
    if (error instanceof WebhookRejected) {
      logger.warn({ provider: provider.name, why: error.message }, 'webhook rejected');
      return { status: 400, outcome: error.message };
    }
    throw error;
  }
  const outcome = await runWithAudit(
    { actorId: null, action: `payment.webhook.${provider.name}`, requestId: request.requestId, ip: request.ip, userAgent: null },
    () => applyProviderEvent({ em, notifier: payments.notifier }, provider.name, verified),
  );
  logger.info({ provider: provider.name, eventId: verified.eventId, type: verified.type, outcome }, 'webhook processed');
  return { status: 200, outcome };
};

/**
 * The `payment-expire` job: an abandoned checkout is closed at the provider and marked expired. Applied as a
 * provider event with a fixed id, so a retried job, or the provider's own expiry event, changes nothing twice.
 */
export const expireCheckout = async (em: EntityManager, payments: Payments, paymentId: string): Promise<void> => {
  const payment = await em.findOne(Payment, paymentId);
  if (!payment || payment.status !== 'pending') return;
  const provider = payments.provider;
  if (provider && provider.name === payment.provider && payment.providerRef) await provider.expireCheckout(payment.providerRef);
  await runWithAudit({ actorId: null, action: 'payment.expire', requestId: null, ip: null, userAgent: null }, () =>
    applyProviderEvent({ em, notifier: payments.notifier }, payment.provider, {
      eventId: `expire_job_${payment.id}`,
      type: 'expire_job',
      lookup: { paymentId: payment.id },
      event: { type: 'expired' },
      failureReason: null,
    }),
  );
};

/** Registers this process as a worker of the payment queues. */
export const workPaymentJobs = async (forkEm: () => EntityManager, payments: Payments): Promise<void> => {
  await payments.jobs.work('payment-expire', ({ paymentId }) => expireCheckout(forkEm(), payments, paymentId));
  await payments.provider?.work?.();
};
