import type { payments as en } from '../en/payments';

export const payments: typeof en = {};
