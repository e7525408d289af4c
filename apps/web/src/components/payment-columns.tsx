import type { PaymentDto } from '@canteen/shared';
import { formatDateTime } from '../lib/format';
import { formatMoney } from '../lib/money';
import type { Column } from './data-table';
import { PaymentStatusBadge } from './payment-status-badge';

/** What went wrong or was given back, under a top-up's status: its refunded part and a failure reason. */
export const PaymentNotes = ({ payment }: { payment: PaymentDto }) => (
  <>
    {payment.refundedCents > 0 ? (
      <span className="block text-xs text-zinc-600">{formatMoney(payment.refundedCents)} refunded to the card</span>
    ) : null}
    {payment.failureReason ? <span className="block text-xs text-zinc-600">{payment.failureReason}</span> : null}
  </>
);

/** Columns that a person's card top-ups (Wallet) and the admins' Payments show alike. */
export const PAYMENT_COLUMNS = {
  date: {
    header: 'Date',
    cell: (payment) => formatDateTime(payment.createdAt),
    cellClassName: 'whitespace-nowrap',
  } satisfies Column<PaymentDto>,
  amount: {
    header: 'Amount',
    cell: (payment) => formatMoney(payment.amountCents),
    className: 'text-right',
    cellClassName: 'font-medium whitespace-nowrap text-zinc-900 tabular-nums',
  } satisfies Column<PaymentDto>,
  status: {
    header: 'Status',
    cell: (payment) => <PaymentStatusBadge payment={payment} />,
  } satisfies Column<PaymentDto>,
};
