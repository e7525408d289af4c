/** English texts of the settings namespace; locales/de/settings.ts has the same keys in German. */
export const settings = {};
