import type { Notifier } from '../notification/notifier';
import type { Jobs } from '../../lib/jobs';
import type { PaymentProvider } from './providers/port';

/** Card top-ups as configured: the provider (null: top-ups are off here), the limits and the job queue. */
export type Payments = {
  provider: PaymentProvider | null;
  jobs: Jobs;
  /** Tells the person how their top-up ended (set once the notifier exists). */
  notifier?: Notifier;
  limits: { minCents: number; maxCents: number; dailyLimitCents: number; checkoutExpiryMinutes: number };
  /** Where the provider sends the person back: the web's return page for this payment (`cancelled` from "Cancel"). */
  returnUrl: (paymentId: string, outcome?: 'cancelled') => string;
};
