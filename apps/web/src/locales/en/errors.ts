/** English texts of the errors namespace; locales/de/errors.ts has the same keys in German. */
export const errors = {};
