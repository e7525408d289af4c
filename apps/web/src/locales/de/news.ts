import type { news as en } from '../en/news';

export const news: typeof en = {};
