/** English texts of the reviews namespace; locales/de/reviews.ts has the same keys in German. */
export const reviews = {};
