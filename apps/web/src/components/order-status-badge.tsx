import { Badge } from './badge';

export const OrderStatusBadge = ({ status }: { status: 'completed' | 'refunded' }) =>
  status === 'refunded' ? <Badge tone="amber">Refunded</Badge> : <Badge tone="green">Paid</Badge>;
