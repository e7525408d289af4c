/** English texts of the products namespace; locales/de/products.ts has the same keys in German. */
export const products = {};
