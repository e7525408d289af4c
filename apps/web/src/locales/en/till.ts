/** English texts of the till namespace; locales/de/till.ts has the same keys in German. */
export const till = {};
