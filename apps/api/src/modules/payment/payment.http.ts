import type { MikroORM } from '@mikro-orm/postgresql';
import { Payment } from '@canteen/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { clientIp } from '../../lib/client-ip';
import type { Logger } from '../../logger';
import { handleWebhook } from './payment.service';
import type { Payments } from './payments';
import type { SandboxProvider } from './providers/sandbox';

type Env = { Variables: { requestId: string; logger: Logger } };

const euros = (cents: number) => new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      <style>
        body { font-family: system-ui, sans-serif; background: #f4f4f5; color: #18181b; margin: 0; }
        main { max-width: 26rem; margin: 3rem auto; background: #fff; border-radius: 12px; padding: 2rem; box-shadow: 0 1px 3px #0002; }
        .badge { display: inline-block; background: #fef3c7; color: #92400e; border-radius: 999px; padding: .2rem .7rem; font-size: .8rem; }
        .amount { font-size: 2.2rem; font-weight: 700; margin: 1rem 0 .25rem; }
        button { width: 100%; padding: .8rem; margin-top: .75rem; border-radius: 8px; border: 1px solid #d4d4d8; font-size: 1rem; cursor: pointer; }
        button.pay { background: #16a34a; color: #fff; border-color: #16a34a; }
        a { color: #2563eb; }
        p.muted { color: #71717a; font-size: .9rem; }
      </style>
    </head>
    <body>
      <main>${body}</main>
    </body>
  </html>`;

const ended = (returnUrl: string) =>
  page(
    'Checkout ended',
    html`<h1>This checkout has ended</h1>
      <p>It was paid, declined or it expired. Nothing more will be charged.</p>
      <p><a href="${returnUrl}">Back to Canteen</a></p>`,
  );

/**
 * Plain HTTP beside tRPC for payments: the providers' webhook endpoint, and the sandbox provider's hosted
 * checkout (a plain HTML form posting `outcome=pay|decline` back to its own URL, DESIGN §7).
 */
export const paymentRoutes = ({ orm, payments, trustProxy }: { orm: MikroORM; payments: Payments; trustProxy: boolean }) => {
  const routes = new Hono<Env>();

  routes.post(
    '/webhooks/payments/:provider',
    bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.text('too large', 413) }),
    async (c) => {
      const result = await handleWebhook(
        { em: orm.em.fork(), payments, logger: c.var.logger },
        {
          provider: c.req.param('provider'),
          rawBody: await c.req.text(),
          signature: c.req.header('canteen-signature') ?? c.req.header('stripe-signature'),
          requestId: c.var.requestId,
          ip: clientIp(c, trustProxy),
        },
      );
      return c.json({ received: result.status === 200, outcome: result.outcome }, result.status);
    },
  );

  const sandbox = payments.provider?.name === 'sandbox' ? (payments.provider as SandboxProvider) : null;
  if (!sandbox) return routes;

  /** The payment behind a checkout link, if the link's token is right. */
  const openCheckout = async (paymentId: string, token: string | undefined) => {
    if (!token || !/^[0-9a-f-]{36}$/i.test(paymentId) || !sandbox.isCheckoutToken(paymentId, token)) return null;
    return orm.em.fork().findOne(Payment, paymentId.toLowerCase());
  };
  routes.get('/sandbox/checkout/:paymentId', async (c) => {
    const payment = await openCheckout(c.req.param('paymentId'), c.req.query('token'));
    if (!payment) return c.html(page('Checkout not found', html`<h1>Checkout not found</h1>`), 404);
    const returnUrl = payments.returnUrl(payment.id);
    if (payment.status !== 'pending' || payment.expiresAt <= new Date()) return c.html(ended(returnUrl));
    return c.html(
      page(
        'Sandbox checkout',
        html`<span class="badge">Sandbox: no real money moves</span>
          <h1>Top up your Canteen wallet</h1>
          <div class="amount">${euros(payment.amountCents)}</div>
          <p class="muted">Card •••• 4242 (test card)</p>
          <form method="post">
            <input type="hidden" name="token" value="${c.req.query('token')}" />
            <button class="pay" type="submit" name="outcome" value="pay">Pay ${euros(payment.amountCents)}</button>
            <button type="submit" name="outcome" value="decline">Decline</button>
          </form>
          <p class="muted"><a href="${payments.returnUrl(payment.id, 'cancelled')}">Cancel and return to Canteen</a></p>`,
      ),
    );
  });

  routes.post(
    '/sandbox/checkout/:paymentId',
    bodyLimit({ maxSize: 4096, onError: (c) => c.text('too large', 413) }),
    async (c) => {
      const form = await c.req.parseBody();
      const token = typeof form.token === 'string' ? form.token : undefined;
      const outcome = form.outcome;
      const payment = await openCheckout(c.req.param('paymentId'), token);
      if (!payment || (outcome !== 'pay' && outcome !== 'decline')) {
        return c.html(page('Checkout not found', html`<h1>Checkout not found</h1>`), 404);
      }
      const returnUrl = payments.returnUrl(payment.id);
      if (payment.status !== 'pending' || payment.expiresAt <= new Date()) return c.html(ended(returnUrl));
      await sandbox.deliver({
        id: `evt_${payment.id}_${outcome}`,
        type: outcome === 'pay' ? 'checkout.paid' : 'checkout.declined',
        paymentId: payment.id,
      });
      return c.redirect(returnUrl, 303);
    },
  );

  return routes;
};
