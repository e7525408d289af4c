/** The one currency Canteen runs in (docs/PRODUCT.md §3). The API does not expose it yet, so it is fixed here. */
export const CURRENCY = 'EUR';

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: CURRENCY });
const signedMoney = new Intl.NumberFormat(undefined, { style: 'currency', currency: CURRENCY, signDisplay: 'exceptZero' });
const wholeMoney = new Intl.NumberFormat(undefined, { style: 'currency', currency: CURRENCY, maximumFractionDigits: 0 });

/** Integer cents as money in the browser's locale: 1250 → "€12.50". */
export const formatMoney = (cents: number): string => money.format(cents / 100);

/** Rounded to whole euros, for a chart's axis: 125000 → "€1,250". */
export const formatWholeMoney = (cents: number): string => wholeMoney.format(Math.round(cents / 100));

/** With an explicit sign for ledger amounts: 1250 → "+€12.50", -300 → "-€3.00". */
export const formatSignedMoney = (cents: number): string => signedMoney.format(cents / 100);

const AMOUNT = /^([+-])?(\d{1,7})(?:[.,](\d{0,2}))?$/;

/**
 * Parses an amount typed in euros into integer cents without floating point: "12.50" → 1250, "-3" → -300,
 * "0,5" → 50. Returns null for anything that is not a plain amount with at most two decimals.
 */
export const parseMoney = (text: string): number | null => {
  const match = AMOUNT.exec(
    text
      .trim()
      .replace(/^€\s*|\s*€$/g, '')
      .replace(/\s+/g, ''),
  );
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
};
