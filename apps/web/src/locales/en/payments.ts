/** English texts of the payments namespace; locales/de/payments.ts has the same keys in German. */
export const payments = {};
