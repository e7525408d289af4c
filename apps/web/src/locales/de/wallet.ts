import type { wallet as en } from '../en/wallet';

export const wallet: typeof en = {};
