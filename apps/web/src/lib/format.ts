import type { Role } from '@canteen/shared/constants';
import { canteenConfig } from './canteen-config';
import { formattingLocale, i18next } from './i18n';

const formats = new Map<string, Intl.DateTimeFormat>();
/** Dates and times in the language shown and the canteen's time zone (`config.get`), not the device's. */
const dateFormat = (style: 'dateTime' | 'date'): Intl.DateTimeFormat => {
  const locale = formattingLocale();
  const { timeZone } = canteenConfig();
  const key = `${style}|${locale}|${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(style === 'dateTime' ? { timeStyle: 'short' as const } : {}),
      timeZone,
    });
    formats.set(key, found);
  }
  return found;
};

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A count in the language shown: 12,345 (en) or 12.345 (de). */
export const formatNumber = (value: number): string => {
  const locale = formattingLocale();
  let found = numberFormats.get(locale);
  if (!found) {
    found = new Intl.NumberFormat(locale);
    numberFormats.set(locale, found);
  }
  return found.format(value);
};

/** A rating as people read it: one decimal in the language shown ("4.5", "4,5"). */
export const formatRating = (value: number): string => {
  const locale = formattingLocale();
  let found = numberFormats.get(`rating|${locale}`);
  if (!found) {
    found = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    numberFormats.set(`rating|${locale}`, found);
  }
  return found.format(value);
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const DAY_STYLES = {
  medium: { dateStyle: 'medium' },
  short: { day: 'numeric', month: 'short' },
  month: { month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A calendar day (`YYYY-MM-DD`, a report's or the ledger's day) in the language shown: "6 Dec 2026", "6 Dec",
 * "December 2026". A day is not an instant, so no time zone shifts it.
 */
export const dayFormat = (style: keyof typeof DAY_STYLES): Intl.DateTimeFormat => {
  const locale = formattingLocale();
  const key = `${style}|${locale}`;
  let found = dayFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...DAY_STYLES[style], timeZone: 'UTC' });
    dayFormats.set(key, found);
  }
  return found;
};

/** `YYYY-MM-DD` as the Date at its UTC midnight, for dayFormat. */
export const asDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateFormat('dateTime').format(new Date(iso)) : '—';
export const formatDate = (iso: string | null | undefined): string => (iso ? dateFormat('date').format(new Date(iso)) : '—');

/** A role in words, in the language shown ("Employee", "Mitarbeiter"); call while rendering. */
export const roleLabel = (role: Role): string => i18next.t(`common:roles.${role}`);

/** A short, readable reference for an order (the random tail of its UUIDv7). */
export const orderNumber = (id: string): string => id.replace(/-/g, '').slice(-8).toUpperCase();
