import { canteenConfig } from './canteen-config';
import { formattingLocale } from './i18n';

/*
 * Money as people read it: in the currency the API is configured for (`config.get`) and the locale of the language
 * shown ("€12.50" in English, "12,50 €" in German). Negative amounts use the typographic minus "−" everywhere.
 */

const formats = new Map<string, Intl.NumberFormat>();
const format = (style: 'plain' | 'signed' | 'whole'): Intl.NumberFormat => {
  const locale = formattingLocale();
  const { currency } = canteenConfig();
  const key = `${style}|${locale}|${currency}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(style === 'signed' ? { signDisplay: 'exceptZero' as const } : {}),
      ...(style === 'whole' ? { maximumFractionDigits: 0 } : {}),
    });
    formats.set(key, found);
  }
  return found;
};

/** One minus sign for money: U+2212, not the hyphen Intl writes. */
const withMinus = (text: string): string => text.replace('-', '−');

/** Integer cents as money: 1250 → "€12.50" (en) or "12,50 €" (de); -300 → "−€3.00". */
export const formatMoney = (cents: number): string => withMinus(format('plain').format(cents / 100));

/** Rounded to whole units, for a chart's axis: 125000 → "€1,250". */
export const formatWholeMoney = (cents: number): string => withMinus(format('whole').format(Math.round(cents / 100)));

/** With an explicit sign for ledger amounts: 1250 → "+€12.50", -300 → "−€3.00". */
export const formatSignedMoney = (cents: number): string => withMinus(format('signed').format(cents / 100));

/** The currency's symbol as the language shown writes it ("€", "CHF"), for an amount field's label. */
export const currencySymbol = (): string =>
  format('plain')
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value ?? canteenConfig().currency;

const AMOUNT = /^([+\-−])?(\d{1,7})(?:[.,](\d{0,2}))?$/;

/**
 * Parses an amount typed in the currency into integer cents without floating point: "12.50" → 1250, "-3" → -300,
 * "0,5" → 50. Returns null for anything that is not a plain amount with at most two decimals.
 */
export const parseMoney = (text: string): number | null => {
  const symbol = currencySymbol().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = AMOUNT.exec(
    text
      .trim()
      .replace(new RegExp(`^(${symbol}|€)\\s*|\\s*(${symbol}|€)$`, 'g'), '')
      .replace(/\s+/g, ''),
  );
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' || sign === '−' ? -cents : cents;
};
