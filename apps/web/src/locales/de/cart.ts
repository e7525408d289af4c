import type { cart as en } from '../en/cart';

export const cart: typeof en = {};
