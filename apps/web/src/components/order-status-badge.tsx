import type { OrderStatus } from '@canteen/shared/lifecycle';
import { useTranslation } from 'react-i18next';
import { Badge } from './badge';

const TONES: Record<OrderStatus, 'neutral' | 'green' | 'amber' | 'blue' | 'violet' | 'red'> = {
  placed: 'blue',
  preparing: 'violet',
  ready: 'green',
  collected: 'neutral',
  cancelled: 'amber',
  refunded: 'amber',
};

/** The status, and "Not collected" when the day ended before the person came (a manager's to resolve). */
export const OrderStatusBadge = ({ status, uncollectedAt }: { status: OrderStatus; uncollectedAt?: string | null }) => {
  const { t } = useTranslation('common');
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status]}>{t(`orderStatus.${status}`)}</Badge>
      {uncollectedAt && (status === 'placed' || status === 'preparing' || status === 'ready') ? (
        <Badge tone="red">{t('orderStatus.uncollected')}</Badge>
      ) : null}
    </span>
  );
};
