import { Badge } from './badge';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

/** Below this many left, the menu says how many. */
export const LOW_STOCK = 5;

/** "Sold out" or "Only 3 left" for a tracked dish that is running out; nothing otherwise. */
export const StockBadge = ({ stock }: { stock: number | null }) => {
  const { t } = useTranslation('common');
  if (stock === null || stock > LOW_STOCK) return null;
  return stock === 0 ? (
    <Badge tone="red">{t('stock.soldOut')}</Badge>
  ) : (
    <Badge tone="amber">{t('stock.left', { stock: formatNumber(stock) })}</Badge>
  );
};
