/** English texts of the report namespace; locales/de/report.ts has the same keys in German. */
export const report = {};
