/** English texts of the cart namespace; locales/de/cart.ts has the same keys in German. */
export const cart = {};
