import { z } from 'zod';
import { MAX_PREORDER_DAYS, TimeOfDaySchema } from './schedule';

export const SettingsSchema = z.object({
  requireTotpForStaff: z.boolean(),
  /** How many days ahead people may order (0: today only). */
  preorderDays: z.number().int().min(0).max(MAX_PREORDER_DAYS),
  /** Until this time (canteen's zone) of the pickup day the owner may change the slot or cancel. */
  cutoffTime: TimeOfDaySchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** ISO 4217 codes this runtime can format (EUR, CHF, GBP, ...). */
const isCurrency = (code: string): boolean => Intl.supportedValuesOf('currency').includes(code);
/** IANA time zones (Europe/Berlin) or UTC. */
const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone }).format(0);
    return true;
  } catch {
    return false;
  }
};

export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine(isCurrency, 'An ISO 4217 currency code, such as EUR');
export const TimeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'An IANA time zone, such as Europe/Berlin');

/**
 * What every screen needs to know about the canteen before anyone signs in (`config.get`, public): its name and
 * address for the printed receipt, the one currency of every amount and the time zone its days and times are in.
 */
export const CanteenConfigSchema = z.object({
  name: z.string().min(1).max(120),
  address: z.string().max(300),
  currency: CurrencySchema,
  timeZone: TimeZoneSchema,
});
export type CanteenConfig = z.infer<typeof CanteenConfigSchema>;
