import type { report as en } from '../en/report';

export const report: typeof en = {};
