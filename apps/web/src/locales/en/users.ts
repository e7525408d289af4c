/** English texts of the users namespace; locales/de/users.ts has the same keys in German. */
export const users = {};
