import type { PaymentDto } from '@canteen/shared';
import { Badge } from './badge';

type Tone = 'green' | 'amber' | 'red' | 'neutral' | 'violet';

/** A card top-up's state in words: a refund of part of it is "Partly refunded". */
const LABELS: Record<PaymentDto['status'], string> = {
  pending: 'Waiting',
  succeeded: 'Paid',
  declined: 'Declined',
  failed: 'Failed',
  expired: 'Expired',
  refunded: 'Refunded',
};

/** A card top-up's state in words: a refund of part of it is "Partly refunded". */
export const paymentStatusLabel = (payment: Pick<PaymentDto, 'status' | 'amountCents' | 'refundedCents'>): string =>
  payment.status === 'refunded' && payment.refundedCents < payment.amountCents ? 'Partly refunded' : LABELS[payment.status];

const TONES: Record<PaymentDto['status'], Tone> = {
  pending: 'amber',
  succeeded: 'green',
  declined: 'red',
  failed: 'red',
  expired: 'neutral',
  refunded: 'violet',
};

export const PaymentStatusBadge = ({ payment }: { payment: Pick<PaymentDto, 'status' | 'amountCents' | 'refundedCents'> }) => (
  <Badge tone={TONES[payment.status]}>{paymentStatusLabel(payment)}</Badge>
);
