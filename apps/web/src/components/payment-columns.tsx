import type { PaymentDto } from '@canteen/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { i18next } from '../lib/i18n';
import { formatMoney } from '../lib/money';
import type { Column } from './data-table';
import { PaymentStatusBadge } from './payment-status-badge';

/** What went wrong or was given back, under a top-up's status: its refunded part and a failure reason. */
export const PaymentNotes = ({ payment }: { payment: PaymentDto }) => {
  const { t } = useTranslation('common');
  return (
    <>
      {payment.refundedCents > 0 ? (
        <span className="block text-xs text-zinc-600">
          {t('paymentNotes.refunded', { amount: formatMoney(payment.refundedCents) })}
        </span>
      ) : null}
      {payment.failureReason ? <span className="block text-xs text-zinc-600">{payment.failureReason}</span> : null}
    </>
  );
};

/** Columns that a person's card top-ups (Wallet) and the admins' Payments show alike; headers in the language shown. */
export const PAYMENT_COLUMNS = {
  date: {
    get header() {
      return i18next.t('common:columns.date');
    },
    cell: (payment) => formatDateTime(payment.createdAt),
    cellClassName: 'whitespace-nowrap',
  } satisfies Column<PaymentDto>,
  amount: {
    get header() {
      return i18next.t('common:columns.amount');
    },
    cell: (payment) => formatMoney(payment.amountCents),
    className: 'text-right',
    cellClassName: 'font-medium whitespace-nowrap text-zinc-900 tabular-nums',
  } satisfies Column<PaymentDto>,
  status: {
    get header() {
      return i18next.t('common:columns.status');
    },
    cell: (payment) => <PaymentStatusBadge payment={payment} />,
  } satisfies Column<PaymentDto>,
};
