/** English texts of the audit namespace; locales/de/audit.ts has the same keys in German. */
export const audit = {};
