/** English texts of the departments namespace; locales/de/departments.ts has the same keys in German. */
export const departments = {};
