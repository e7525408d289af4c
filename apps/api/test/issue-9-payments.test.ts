import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { describe, expect, it, vi } from 'vitest';
import { Stripe } from 'stripe';
import { AuditEntry, Payment, WalletEntry, WebhookEvent, balanceByPayer } from '@canteen/db';
import { createApp } from '../src/app';
import type { Deps } from '../src/deps';
import { applyProviderEvent } from '../src/modules/payment/payment.service';
import type { SandboxProvider } from '../src/modules/payment/providers/sandbox';
import { signPayload } from '../src/modules/payment/providers/signature';
import { createStripeProvider } from '../src/modules/payment/providers/stripe';
import {
  TEST_SANDBOX_SECRET,
  createTestCaller,
  createTestDeps,
  createTestPayments,
  fund,
  getTestOrm,
  makeCast,
  makePayer,
  makeProduct,
  makeUser,
  newIdempotencyKey,
  silentLogger,
  startTestJobs,
} from './helpers';

const orm = await getTestOrm();

const appWith = (deps: Deps) =>
  createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });

const balance = async (userId: string) =>
  (await balanceByPayer(orm.em.fork(), userId)).reduce((sum, row) => sum + row.amountCents, 0);

const paymentOf = (id: string) => orm.em.fork().findOneOrFail(Payment, id);

/** A sandbox event as the sandbox provider would deliver it, signed (or not) as a test needs. */
const sandboxWebhook = (
  app: ReturnType<typeof createApp>,
  event: Record<string, unknown>,
  { signature, at }: { signature?: string | null; at?: Date } = {},
) => {
  const body = JSON.stringify(event);
  const header = signature === undefined ? signPayload(TEST_SANDBOX_SECRET, body, at) : signature;
  return app.request('/webhooks/payments/sandbox', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'canteen-signature': header }) },
  });
};

const startTopUp = async (deps: Deps, amountCents = 2_000) => {
  const employee = await makeUser(orm);
  const caller = await createTestCaller({ user: employee, deps });
  const topUp = await caller.payment.createTopUp({ amountCents });
  return { employee, caller, ...topUp };
};

describe('payment.createTopUp', () => {
  it('gives a checkout for a pending payment, credits nothing yet, and schedules its expiry in the same transaction', async () => {
    const deps = createTestDeps();
    const { employee, paymentId, checkoutUrl } = await startTopUp(deps);
    expect(checkoutUrl).toMatch(new RegExp(`^/sandbox/checkout/${paymentId}\\?token=`));
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'pending', amountCents: 2_000, provider: 'sandbox' });
    expect(await balance(employee.id)).toBe(0);
    expect(await orm.em.fork().count(AuditEntry, { action: 'payment.createTopUp', entityId: paymentId })).toBe(1);
  });

  it('refuses amounts outside the limits and top-ups past the daily limit, even when sent at once', async () => {
    const deps = createTestDeps({
      payments: createTestPayments({
        limits: { minCents: 500, maxCents: 20_000, dailyLimitCents: 50_000, checkoutExpiryMinutes: 30 },
      }),
    });
    const employee = await makeUser(orm);
    const caller = await createTestCaller({ user: employee, deps });
    await expect(caller.payment.createTopUp({ amountCents: 499 })).rejects.toMatchObject({
      cause: { reason: 'TOP_UP_OUT_OF_RANGE' },
    });
    await expect(caller.payment.createTopUp({ amountCents: 20_001 })).rejects.toMatchObject({
      cause: { reason: 'TOP_UP_OUT_OF_RANGE' },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => caller.payment.createTopUp({ amountCents: 20_000 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ cause: { reason: 'TOP_UP_DAILY_LIMIT' } });
    }
    expect(await orm.em.fork().count(Payment, { user: employee.id })).toBe(2);
    expect((await caller.payment.options()).remainingTodayCents).toBe(10_000);
  });

  it('says top-ups are off when no provider is configured', async () => {
    const deps = createTestDeps({ payments: createTestPayments({ provider: null }) });
    const caller = await createTestCaller({ user: await makeUser(orm), deps });
    expect((await caller.payment.options()).isEnabled).toBe(false);
    await expect(caller.payment.createTopUp({ amountCents: 1_000 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { reason: 'TOP_UPS_DISABLED' },
    });
  });
});

describe('the payment webhook', () => {
  it('credits a paid top-up once, in the transaction that marks it succeeded, as a top-up from the personal payer', async () => {
    const deps = createTestDeps();
    const app = appWith(deps);
    const { employee, paymentId } = await startTopUp(deps, 2_500);
    const response = await sandboxWebhook(app, { id: `evt_${paymentId}_pay`, type: 'checkout.paid', paymentId });
    expect(response.status).toBe(200);
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'succeeded' });
    expect(await balance(employee.id)).toBe(2_500);
    const entry = await orm.em.fork().findOneOrFail(WalletEntry, { payment: paymentId }, { populate: ['payer'] });
    expect(entry).toMatchObject({ kind: 'top_up', amountCents: 2_500, remainingCents: 2_500 });
    expect(entry.payer.getEntity().kind).toBe('personal');
    const audits = await orm.em.fork().find(AuditEntry, { entityId: paymentId, action: 'payment.webhook.sandbox' });
    expect(audits.some((a) => a.after?.status === 'succeeded')).toBe(true);
  });

  it('processes ten concurrent deliveries of one event exactly once', async () => {
    const deps = createTestDeps();
    const app = appWith(deps);
    const { employee, paymentId } = await startTopUp(deps, 3_000);
    const event = { id: `evt_${paymentId}_pay`, type: 'checkout.paid', paymentId };
    const responses = await Promise.all(Array.from({ length: 10 }, async () => sandboxWebhook(app, event)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const outcomes = await Promise.all(responses.map(async (r) => ((await r.json()) as { outcome: string }).outcome));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9);
    expect(await balance(employee.id)).toBe(3_000);
    expect(await orm.em.fork().count(WalletEntry, { payment: paymentId })).toBe(1);
    expect(await orm.em.fork().count(WebhookEvent, { eventId: event.id })).toBe(1);
  });

  it('answers 400 and writes nothing for unsigned, tampered and stale events', async () => {
    const deps = createTestDeps();
    const app = appWith(deps);
    const { employee, paymentId } = await startTopUp(deps);
    const event = { id: `evt_${paymentId}_pay`, type: 'checkout.paid', paymentId };
    const signed = signPayload(TEST_SANDBOX_SECRET, JSON.stringify(event));
    const tampered = signed.replace(/v1=(.)/, (_, c: string) => `v1=${c === 'a' ? 'b' : 'a'}`);
    const otherBody = JSON.stringify({ ...event, paymentId: (await startTopUp(deps)).paymentId });
    const cases = [
      await sandboxWebhook(app, event, { signature: null }),
      await sandboxWebhook(app, event, { signature: tampered }),
      await sandboxWebhook(app, event, { signature: signPayload('another-secret-0123456789abcdef0123', JSON.stringify(event)) }),
      await sandboxWebhook(app, event, { at: new Date(Date.now() - 10 * 60_000) }),
      // A valid signature of another body.
      await sandboxWebhook(app, event, { signature: signPayload(TEST_SANDBOX_SECRET, otherBody) }),
      await sandboxWebhook(app, { nonsense: true }),
    ];
    expect(cases.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(await orm.em.fork().count(WebhookEvent, {})).toBe(0);
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'pending' });
    expect(await balance(employee.id)).toBe(0);
    expect((await app.request('/webhooks/payments/stripe', { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('keeps the credit when a late "expired" arrives after "succeeded", and credits nothing for a decline', async () => {
    const deps = createTestDeps();
    const app = appWith(deps);
    const paid = await startTopUp(deps, 1_000);
    await sandboxWebhook(app, { id: `evt_${paid.paymentId}_pay`, type: 'checkout.paid', paymentId: paid.paymentId });
    const late = await sandboxWebhook(app, {
      id: `evt_${paid.paymentId}_exp`,
      type: 'checkout.expired',
      paymentId: paid.paymentId,
    });
    expect(((await late.json()) as { outcome: string }).outcome).toBe('ignored');
    expect(await paymentOf(paid.paymentId)).toMatchObject({ status: 'succeeded' });
    expect(await balance(paid.employee.id)).toBe(1_000);

    const declined = await startTopUp(deps, 1_000);
    await sandboxWebhook(app, {
      id: `evt_${declined.paymentId}_decline`,
      type: 'checkout.declined',
      paymentId: declined.paymentId,
    });
    expect(await paymentOf(declined.paymentId)).toMatchObject({ status: 'declined', failureReason: 'Declined at checkout' });
    expect(await balance(declined.employee.id)).toBe(0);
    const listed = await declined.caller.payment.list({});
    expect(listed.items.map((p) => p.status)).toEqual(['declined']);
  });

  it('takes back what is left of a refunded top-up, never below zero, and records the shortfall', async () => {
    const deps = createTestDeps();
    const app = appWith(deps);
    const { employee, caller, paymentId } = await startTopUp(deps, 2_000);
    await sandboxWebhook(app, { id: `evt_${paymentId}_pay`, type: 'checkout.paid', paymentId });
    // Older company money is spent first: 500 from it, then 700 of the top-up's 2,000.
    await fund(orm, employee, await makePayer(orm), 500, new Date(Date.now() - 86_400_000));
    const dish = await makeProduct(orm, { priceCents: 1_200 });
    await caller.order.place({ items: [{ productId: dish.id, quantity: 1 }], idempotencyKey: newIdempotencyKey() });
    expect(await balance(employee.id)).toBe(1_300);

    const refund = { id: `evt_${paymentId}_refund_2000`, type: 'payment.refunded', paymentId, refundedTotalCents: 2_000 };
    expect((await sandboxWebhook(app, refund)).status).toBe(200);
    expect((await sandboxWebhook(app, refund)).status).toBe(200);
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'refunded', refundedCents: 2_000, refundShortfallCents: 700 });
    expect(await balance(employee.id)).toBe(0);
    const admin = await createTestCaller({ user: await makeUser(orm, { role: 'admin' }), deps });
    const shortfalls = await admin.payment.list({ withShortfall: true });
    expect(shortfalls.items.map((p) => [p.id, p.refundShortfallCents])).toEqual([[paymentId, 700]]);
  });
});

describe('payment.cancel', () => {
  it("ends the owner's pending checkout at once (no longer counted today), once, and never undoes a payment", async () => {
    const deps = createTestDeps();
    const app = appWith(deps);
    const { employee, caller, paymentId } = await startTopUp(deps, 20_000);
    expect((await caller.payment.options()).remainingTodayCents).toBe(30_000);
    await expect(
      (await createTestCaller({ user: await makeUser(orm), deps })).payment.cancel({ id: paymentId }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const cancelled = await caller.payment.cancel({ id: paymentId });
    expect(cancelled).toMatchObject({ status: 'expired', failureReason: 'Cancelled at checkout' });
    expect((await caller.payment.cancel({ id: paymentId })).status).toBe('expired');
    expect((await caller.payment.options()).remainingTodayCents).toBe(50_000);
    // Paid after all (the provider took the money): credited, and a cancel afterwards changes nothing.
    await sandboxWebhook(app, { id: `evt_${paymentId}_pay`, type: 'checkout.paid', paymentId });
    expect((await caller.payment.cancel({ id: paymentId })).status).toBe('succeeded');
    expect(await balance(employee.id)).toBe(20_000);
  });
});

describe('payment.list and payment.byId', () => {
  it('show people their own payments, managers their department, admins everyone', async () => {
    const deps = createTestDeps();
    const { employee, manager, admin, department } = await makeCast(orm);
    const other = await makeUser(orm);
    const mine = await (await createTestCaller({ user: employee, deps })).payment.createTopUp({ amountCents: 1_000 });
    const theirs = await (await createTestCaller({ user: other, deps })).payment.createTopUp({ amountCents: 1_000 });
    const asEmployee = await createTestCaller({ user: employee, deps });
    expect((await asEmployee.payment.list({})).items.map((p) => p.id)).toEqual([mine.paymentId]);
    await expect(asEmployee.payment.byId({ id: theirs.paymentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const asManager = await createTestCaller({ user: manager, deps });
    expect((await asManager.payment.list({})).items.map((p) => p.id)).toEqual([mine.paymentId]);
    expect((await asManager.payment.byId({ id: mine.paymentId })).userName).toBe(employee.name);
    await expect(asManager.payment.byId({ id: theirs.paymentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asManager.payment.refund({ paymentId: mine.paymentId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asAdmin = await createTestCaller({ user: admin, deps });
    expect((await asAdmin.payment.list({})).items.map((p) => p.id).sort()).toEqual([mine.paymentId, theirs.paymentId].sort());
    expect(department.id).toBeTruthy();
  });
});

/** The app on a real port with its own job queue working: the sandbox delivers webhooks over HTTP. */
const startServer = async (schema: string, expiry = 30) => {
  const jobs = await startTestJobs(schema);
  let url = '';
  const payments = createTestPayments({
    jobs,
    webhookUrl: () => `${url}/webhooks/payments/sandbox`,
    limits: { minCents: 500, maxCents: 20_000, dailyLimitCents: 50_000, checkoutExpiryMinutes: expiry },
  });
  const deps = createTestDeps({ payments });
  const app = appWith(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    deps,
    jobs,
    payments,
    url,
    close: async () => {
      await jobs.stop();
      server.close();
    },
  };
};

const waitFor = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

describe('the sandbox checkout and the job runner', () => {
  it('pays through the hosted page: the signed webhook arrives over HTTP and credits the wallet', async () => {
    const { deps, payments, url, close } = await startServer(`pgboss_pay_${process.pid}`);
    try {
      const { workPaymentJobs } = await import('../src/modules/payment/payment.service');
      await workPaymentJobs(() => orm.em.fork(), payments);
      const { employee, paymentId, checkoutUrl } = await startTopUp(deps, 1_500);
      const page = await fetch(`${url}${checkoutUrl}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('€15.00');
      expect((await fetch(`${url}/sandbox/checkout/${paymentId}?token=wrong`)).status).toBe(404);
      const token = new URL(checkoutUrl, url).searchParams.get('token')!;
      const paid = await fetch(`${url}/sandbox/checkout/${paymentId}`, {
        method: 'POST',
        body: new URLSearchParams({ token, outcome: 'pay' }),
        redirect: 'manual',
      });
      expect(paid.status).toBe(303);
      expect(paid.headers.get('location')).toBe(`/top-up/return?payment=${paymentId}`);
      await waitFor(async () => expect((await paymentOf(paymentId)).status).toBe('succeeded'));
      expect(await balance(employee.id)).toBe(1_500);
      // The page has ended: paying again does nothing.
      expect(await (await fetch(`${url}${checkoutUrl}`)).text()).toContain('This checkout has ended');
    } finally {
      await close();
    }
  });

  it('retries a delivery the API answered with a 5xx, with backoff, until it is accepted', async () => {
    const { deps, payments, url, close } = await startServer(`pgboss_retry_${process.pid}`);
    // A flaky front door: the first delivery gets 503, later ones reach the API.
    let attempts = 0;
    const flaky: Server = createServer((req, res) => {
      attempts += 1;
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (attempts === 1) {
          res.writeHead(503).end();
          return;
        }
        void fetch(`${url}${req.url}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'canteen-signature': String(req.headers['canteen-signature']) },
        }).then(async (answer) => res.writeHead(answer.status).end(await answer.text()));
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const flakyUrl = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    try {
      const { workPaymentJobs } = await import('../src/modules/payment/payment.service');
      const viaFlaky = createTestPayments({ jobs: payments.jobs, webhookUrl: () => `${flakyUrl}/webhooks/payments/sandbox` });
      await workPaymentJobs(() => orm.em.fork(), viaFlaky);
      const { employee, paymentId } = await startTopUp(deps, 900);
      // The hosted page's choice, as the sandbox provider delivers it.
      await (viaFlaky.provider as SandboxProvider).deliver({
        id: `evt_${paymentId}_pay`,
        type: 'checkout.paid',
        paymentId,
      });
      await waitFor(async () => expect((await paymentOf(paymentId)).status).toBe('succeeded'));
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(await balance(employee.id)).toBe(900);
    } finally {
      flaky.close();
      await close();
    }
  });

  it('expires an abandoned checkout after a restart of the job runner', async () => {
    const schema = `pgboss_exp_${process.pid}`;
    // First process: starts a top-up that expires in a second, then stops before the job is due.
    const first = await startServer(schema, 1 / 60);
    const { employee, paymentId } = await startTopUp(first.deps, 1_000);
    await first.close();
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'pending' });
    // Second process: a new runner on the same queue finds the job and expires the payment.
    const second = await startServer(schema, 1 / 60);
    try {
      const { workPaymentJobs } = await import('../src/modules/payment/payment.service');
      await workPaymentJobs(() => orm.em.fork(), second.payments);
      await waitFor(async () => expect((await paymentOf(paymentId)).status).toBe('expired'));
      expect(await balance(employee.id)).toBe(0);
      // The provider's own expiry event later, or the job again, changes nothing.
      const again = await applyProviderEvent({ em: orm.em.fork() }, 'sandbox', {
        eventId: `expire_job_${paymentId}`,
        type: 'expire_job',
        lookup: { paymentId },
        event: { type: 'expired' },
      });
      expect(again).toBe('duplicate');
    } finally {
      await second.close();
    }
  });
});

/** A Checkout Session event as Stripe sends it (only the fields we read). */
const sessionEvent = (type: string, session: object) => ({
  id: `evt_${type}`,
  object: 'event',
  type,
  data: {
    object: {
      id: 'cs_test_1',
      object: 'checkout.session',
      client_reference_id: '0190aaaa-0000-7000-8000-000000000001',
      payment_intent: 'pi_1',
      ...session,
    },
  },
});

describe('the Stripe adapter (offline)', () => {
  const webhookSecret = 'whsec_test_0123456789';
  const stripe = new Stripe('sk_test_offline');
  const signed = (event: object) => {
    const payload = JSON.stringify(event);
    return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) };
  };
  it('verifies signatures with the package itself and translates the events we act on', async () => {
    const provider = createStripeProvider({ secretKey: 'sk_test_offline', webhookSecret });
    const completed = signed(sessionEvent('checkout.session.completed', { payment_status: 'paid' }));
    expect(await provider.verifyWebhook(completed.payload, completed.header)).toMatchObject({
      eventId: 'evt_checkout.session.completed',
      event: { type: 'succeeded' },
      lookup: { providerRef: 'cs_test_1' },
      providerPaymentRef: 'pi_1',
    });
    const unpaid = signed(sessionEvent('checkout.session.completed', { payment_status: 'unpaid' }));
    expect((await provider.verifyWebhook(unpaid.payload, unpaid.header)).event).toBeNull();
    const expired = signed(sessionEvent('checkout.session.expired', { payment_status: 'unpaid' }));
    expect((await provider.verifyWebhook(expired.payload, expired.header)).event).toEqual({ type: 'expired' });
    const refunded = signed({
      id: 'evt_r',
      object: 'event',
      type: 'charge.refunded',
      data: { object: { id: 'ch_1', object: 'charge', amount_refunded: 700, payment_intent: 'pi_1' } },
    });
    expect(await provider.verifyWebhook(refunded.payload, refunded.header)).toMatchObject({
      event: { type: 'refunded', refundedTotalCents: 700 },
      lookup: { providerPaymentRef: 'pi_1' },
    });
    await expect(provider.verifyWebhook(completed.payload.replace('paid', 'PAID'), completed.header)).rejects.toThrow();
    await expect(provider.verifyWebhook(completed.payload, undefined)).rejects.toThrow(/missing/);
    const stale = stripe.webhooks.generateTestHeaderString({
      payload: completed.payload,
      secret: webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    await expect(provider.verifyWebhook(completed.payload, stale)).rejects.toThrow();
  });

  it('creates a Checkout Session with the amount, our payment id and an idempotency key (against a local stand-in)', async () => {
    const requests: { path: string; body: string; headers: IncomingMessage['headers'] }[] = [];
    const standIn: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push({ path: req.url ?? '', body, headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'cs_test_local',
            object: 'checkout.session',
            url: 'https://checkout.stripe.com/c/pay/cs_test_local',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    try {
      const port = (standIn.address() as AddressInfo).port;
      const provider = createStripeProvider({ secretKey: 'sk_test_offline', webhookSecret, apiBase: `http://127.0.0.1:${port}` });
      const checkout = await provider.createCheckout({
        paymentId: '0190aaaa-0000-7000-8000-000000000002',
        amountCents: 2_500,
        customerEmail: 'eli@example.test',
        expiresAt: new Date(Date.now() + 30 * 60_000),
        returnUrl: 'https://canteen.example/top-up/return?payment=0190aaaa-0000-7000-8000-000000000002',
        cancelUrl: 'https://canteen.example/top-up/return?payment=0190aaaa-0000-7000-8000-000000000002&cancelled=1',
      });
      expect(checkout).toEqual({ providerRef: 'cs_test_local', checkoutUrl: 'https://checkout.stripe.com/c/pay/cs_test_local' });
      expect(requests[0]?.path).toBe('/v1/checkout/sessions');
      const form = new URLSearchParams(requests[0]?.body);
      expect(form.get('line_items[0][price_data][unit_amount]')).toBe('2500');
      expect(form.get('client_reference_id')).toBe('0190aaaa-0000-7000-8000-000000000002');
      expect(form.get('cancel_url')).toMatch(/&cancelled=1$/);
      expect(requests[0]?.headers['idempotency-key']).toBe('top-up-0190aaaa-0000-7000-8000-000000000002');
    } finally {
      standIn.close();
    }
  });
});
