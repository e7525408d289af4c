import { useTranslation } from 'react-i18next';
import { Badge } from './badge';

export const OrderStatusBadge = ({ status }: { status: 'completed' | 'refunded' }) => {
  const { t } = useTranslation('common');
  return <Badge tone={status === 'refunded' ? 'amber' : 'green'}>{t(`orderStatus.${status}`)}</Badge>;
};
