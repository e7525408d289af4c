import { CreateTopUpInputSchema, type TopUpOptions } from '@canteen/shared';
import { z } from 'zod';
import { i18next } from './i18n';
import { formatMoney, parseMoney } from './money';

/** The most one top-up may add right now: the per-payment maximum, or what is left of today's limit. */
export const topUpCapCents = (options: TopUpOptions): number => Math.min(options.maxCents, options.remainingTodayCents);

/** The limits in words, for under the amount: "From €5.00 to €200.00 at a time. €500.00 left today." */
export const topUpLimitsText = (options: TopUpOptions): string => {
  const range = i18next.t('common:topUp.range', { min: formatMoney(options.minCents), max: formatMoney(options.maxCents) });
  const daily = formatMoney(options.dailyLimitCents);
  if (options.remainingTodayCents < options.minCents) return i18next.t('common:topUp.reachedDaily', { range, daily });
  return options.remainingTodayCents < options.dailyLimitCents
    ? i18next.t('common:topUp.leftToday', { range, left: formatMoney(options.remainingTodayCents), daily })
    : i18next.t('common:topUp.perDay', { range, daily });
};

/** What is wrong with an amount in cents under these limits, in words, or null when it may be topped up. */
export const topUpAmountProblem = (amountCents: number, options: TopUpOptions): string | null => {
  if (amountCents < options.minCents) return i18next.t('common:topUp.atLeast', { min: formatMoney(options.minCents) });
  if (amountCents > options.maxCents) return i18next.t('common:topUp.atMost', { max: formatMoney(options.maxCents) });
  if (amountCents > options.remainingTodayCents) {
    return options.remainingTodayCents < options.minCents
      ? i18next.t('common:topUp.dailyReached')
      : i18next.t('common:topUp.onlyLeft', { left: formatMoney(options.remainingTodayCents) });
  }
  return null;
};

/**
 * The top-up form: an amount typed in euros that the API's own input schema accepts once it is in cents, and
 * within this person's limits as `payment.options` gives them.
 */
export const topUpFormSchema = (options: TopUpOptions) =>
  z.object({
    amount: z.string().superRefine((text, context) => {
      const amountCents = parseMoney(text);
      if (amountCents === null || !CreateTopUpInputSchema.shape.amountCents.safeParse(amountCents).success) {
        context.addIssue({ code: 'custom', message: i18next.t('common:topUp.invalidAmount') });
        return;
      }
      const problem = topUpAmountProblem(amountCents, options);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  });

export type ShortfallTopUp =
  | { kind: 'possible'; amountCents: number }
  | { kind: 'impossible'; why: 'disabled' | 'daily_limit_reached' | 'over_maximum' | 'over_today' };

/**
 * The top-up that covers a shortfall (the checkout): rounded up to a whole euro and at least the minimum, but
 * no more than one top-up may add now. When even that cannot cover the shortfall, why not.
 */
export const topUpForShortfall = (shortfallCents: number, options: TopUpOptions): ShortfallTopUp => {
  if (!options.isEnabled) return { kind: 'impossible', why: 'disabled' };
  const capCents = topUpCapCents(options);
  if (capCents < options.minCents) return { kind: 'impossible', why: 'daily_limit_reached' };
  const wantedCents = Math.max(Math.ceil(shortfallCents / 100) * 100, options.minCents);
  const amountCents = Math.min(wantedCents, capCents);
  if (amountCents < shortfallCents) {
    return { kind: 'impossible', why: shortfallCents > options.maxCents ? 'over_maximum' : 'over_today' };
  }
  return { kind: 'possible', amountCents };
};

/** Where a top-up was started, so the return page can offer the way back. */
export type TopUpOrigin = 'cart' | 'wallet';
const ORIGIN_KEY = 'canteen.topUp.origin';
const OriginSchema = z.object({ paymentId: z.string(), from: z.enum(['cart', 'wallet']) });

/** Remembered for this tab only (sessionStorage): the checkout is a full page away and back. */
export const rememberTopUpOrigin = (paymentId: string, from: TopUpOrigin): void => {
  try {
    sessionStorage.setItem(ORIGIN_KEY, JSON.stringify({ paymentId, from }));
  } catch {
    // Private mode or a full quota: the return page offers the wallet instead.
  }
};

/** Where the top-up `paymentId` was started from in this tab; the wallet when it is not known. */
export const topUpOrigin = (paymentId: string): TopUpOrigin => {
  try {
    const stored = OriginSchema.safeParse(JSON.parse(sessionStorage.getItem(ORIGIN_KEY) ?? 'null'));
    return stored.success && stored.data.paymentId === paymentId ? stored.data.from : 'wallet';
  } catch {
    return 'wallet';
  }
};
