import type { departments as en } from '../en/departments';

export const departments: typeof en = {};
