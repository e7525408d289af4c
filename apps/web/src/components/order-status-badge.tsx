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

export const OrderStatusBadge = ({ status }: { status: OrderStatus }) => {
  const { t } = useTranslation('common');
  return <Badge tone={TONES[status]}>{t(`orderStatus.${status}`)}</Badge>;
};
