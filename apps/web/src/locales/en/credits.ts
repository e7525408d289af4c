/** English texts of the credits namespace; locales/de/credits.ts has the same keys in German. */
export const credits = {};
