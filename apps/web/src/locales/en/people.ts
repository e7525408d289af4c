/** English texts of the people namespace; locales/de/people.ts has the same keys in German. */
export const people = {};
