import { Badge } from '../../components/badge';

export const OrderStatusBadge = ({ status }: { status: 'completed' | 'refunded' }) =>
  status === 'refunded' ? <Badge tone="amber">Refunded</Badge> : <Badge tone="green">Paid</Badge>;

/** A short, readable reference for an order (the random tail of its UUIDv7). */
export const orderNumber = (id: string): string => id.replace(/-/g, '').slice(-8).toUpperCase();
