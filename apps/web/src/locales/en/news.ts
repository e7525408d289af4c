/** English texts of the news namespace; locales/de/news.ts has the same keys in German. */
export const news = {};
