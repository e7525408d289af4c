import { createHmac } from 'node:crypto';
import type { Env } from '../../env';
import type { Jobs } from '../../lib/jobs';
import type { Payments } from './payments';
import type { PaymentProvider } from './providers/port';
import { createSandboxProvider } from './providers/sandbox';
import { createStripeProvider } from './providers/stripe';

export type PaymentsSetup = {
  env: Env;
  jobs: Jobs;
  /** The JWT secret, from which the sandbox secret is derived when SANDBOX_WEBHOOK_SECRET is unset. */
  jwtSecret: string;
  isEmbedded: boolean;
  /** This process's own base URL once it listens (the sandbox delivers its webhooks there by default). */
  selfUrl: () => string | null;
};

/** Which provider runs: explicit PAYMENT_PROVIDER, else Stripe when keyed, else the sandbox except in production. */
export const chooseProvider = (env: Env, isEmbedded: boolean): 'sandbox' | 'stripe' | 'off' => {
  if (env.PAYMENT_PROVIDER) return env.PAYMENT_PROVIDER;
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) return 'stripe';
  // The sandbox credits money nobody paid: a production server on its own database must choose it explicitly.
  return isEmbedded || env.NODE_ENV !== 'production' ? 'sandbox' : 'off';
};

/** Builds the payments dependency from configuration; fails the boot on settings that cannot work. */
export const createPayments = ({ env, jobs, jwtSecret, isEmbedded, selfUrl }: PaymentsSetup): Payments => {
  if (env.TOP_UP_MIN_CENTS > env.TOP_UP_MAX_CENTS) throw new Error('TOP_UP_MIN_CENTS must not be above TOP_UP_MAX_CENTS');
  const choice = chooseProvider(env, isEmbedded);
  const base = env.PUBLIC_URL ?? '';
  let provider: PaymentProvider | null = null;
  if (choice === 'stripe') {
    if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
      throw new Error('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
    }
    if (!env.PUBLIC_URL) throw new Error('Stripe needs PUBLIC_URL: it sends people back to an absolute address');
    if (env.CHECKOUT_EXPIRY_MINUTES < 30) throw new Error('Stripe Checkout needs CHECKOUT_EXPIRY_MINUTES of 30 or more');
    provider = createStripeProvider({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      apiBase: env.STRIPE_API_BASE,
    });
  } else if (choice === 'sandbox') {
    provider = createSandboxProvider({
      secret: env.SANDBOX_WEBHOOK_SECRET ?? createHmac('sha256', jwtSecret).update('canteen sandbox webhooks').digest('hex'),
      jobs,
      webhookUrl: () => {
        const url = env.SANDBOX_WEBHOOK_URL ?? (selfUrl() ? `${selfUrl()}/webhooks/payments/sandbox` : null);
        if (!url) throw new Error('SANDBOX_WEBHOOK_URL is needed where the API does not run in this process');
        return url;
      },
    });
  }
  return {
    provider,
    jobs,
    limits: {
      minCents: env.TOP_UP_MIN_CENTS,
      maxCents: env.TOP_UP_MAX_CENTS,
      dailyLimitCents: env.TOP_UP_DAILY_LIMIT_CENTS,
      checkoutExpiryMinutes: env.CHECKOUT_EXPIRY_MINUTES,
    },
    returnUrl: (paymentId, outcome) => `${base}/top-up/return?payment=${paymentId}${outcome ? `&${outcome}=1` : ''}`,
  };
};
