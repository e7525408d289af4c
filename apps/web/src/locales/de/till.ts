import type { till as en } from '../en/till';

export const till: typeof en = {};
