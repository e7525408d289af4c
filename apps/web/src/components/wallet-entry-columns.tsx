import type { WalletEntryDto } from '@canteen/shared';
import { Link } from '@tanstack/react-router';
import { formatDateTime, orderNumber } from '../lib/format';
import { formatSignedMoney } from '../lib/money';
import { cn } from '../lib/utils';
import { Badge } from './badge';
import type { Column } from './data-table';

export const ENTRY_KIND_LABELS: Record<
  WalletEntryDto['kind'],
  { label: string; tone: 'green' | 'blue' | 'neutral' | 'amber' | 'violet' }
> = {
  credit: { label: 'Credit', tone: 'green' },
  top_up: { label: 'Card top-up', tone: 'blue' },
  spend: { label: 'Order', tone: 'neutral' },
  refund: { label: 'Refund', tone: 'violet' },
  adjustment: { label: 'Adjustment', tone: 'amber' },
};

/** A wallet's entries (your own Wallet, a person's page): the kind, its order's receipt, the note, payer and amount. */
export const WALLET_ENTRY_COLUMNS: Column<WalletEntryDto>[] = [
  { header: 'Date', cell: (entry) => formatDateTime(entry.occurredAt), cellClassName: 'min-w-24 sm:whitespace-nowrap' },
  {
    header: 'What',
    cell: (entry) => (
      <>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={ENTRY_KIND_LABELS[entry.kind].tone}>{ENTRY_KIND_LABELS[entry.kind].label}</Badge>
          {entry.orderId ? (
            <Link
              to="/orders/$orderId"
              params={{ orderId: entry.orderId }}
              className="text-sm font-medium text-emerald-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
            >
              Order #{orderNumber(entry.orderId)}
            </Link>
          ) : null}
        </div>
        {entry.note && entry.note !== ENTRY_KIND_LABELS[entry.kind].label ? (
          <p className="mt-1 text-xs text-zinc-600">{entry.note}</p>
        ) : null}
        <p className="mt-0.5 text-xs text-zinc-600 md:hidden">{entry.payerName}</p>
      </>
    ),
  },
  { header: 'Payer', cell: (entry) => entry.payerName, className: 'hidden md:table-cell' },
  {
    header: 'Amount',
    cell: (entry) => formatSignedMoney(entry.amountCents),
    className: 'text-right',
    cellClassName: (entry) =>
      cn('font-medium whitespace-nowrap tabular-nums', entry.amountCents < 0 ? 'text-red-700' : 'text-emerald-700'),
  },
];
