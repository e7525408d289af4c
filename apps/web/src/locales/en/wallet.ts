/** English texts of the wallet namespace; locales/de/wallet.ts has the same keys in German. */
export const wallet = {};
