/** English texts of the orders namespace; locales/de/orders.ts has the same keys in German. */
export const orders = {};
