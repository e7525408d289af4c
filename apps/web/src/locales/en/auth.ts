/** English texts of the auth namespace; locales/de/auth.ts has the same keys in German. */
export const auth = {};
