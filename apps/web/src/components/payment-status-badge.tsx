import type { PaymentDto } from '@canteen/shared';
import { useTranslation } from 'react-i18next';
import { i18next } from '../lib/i18n';
import { Badge } from './badge';

type Tone = 'green' | 'amber' | 'red' | 'neutral' | 'violet';

/** A card top-up's state in words, in the language shown: a refund of part of it is "Partly refunded". */
export const paymentStatusLabel = (payment: Pick<PaymentDto, 'status' | 'amountCents' | 'refundedCents'>): string =>
  payment.status === 'refunded' && payment.refundedCents < payment.amountCents
    ? i18next.t('common:paymentStatus.partlyRefunded')
    : i18next.t(`common:paymentStatus.${payment.status}`);

const TONES: Record<PaymentDto['status'], Tone> = {
  pending: 'amber',
  succeeded: 'green',
  declined: 'red',
  failed: 'red',
  expired: 'neutral',
  refunded: 'violet',
};

export const PaymentStatusBadge = ({ payment }: { payment: Pick<PaymentDto, 'status' | 'amountCents' | 'refundedCents'> }) => {
  // Renders again when the language changes.
  useTranslation('common');
  return <Badge tone={TONES[payment.status]}>{paymentStatusLabel(payment)}</Badge>;
};
