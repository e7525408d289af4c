import type { WalletEntryDto } from '@canteen/shared';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, orderNumber } from '../lib/format';
import { i18next } from '../lib/i18n';
import { formatSignedMoney } from '../lib/money';
import { cn } from '../lib/utils';
import { Badge } from './badge';
import type { Column } from './data-table';

const ENTRY_KIND_TONES: Record<WalletEntryDto['kind'], 'green' | 'blue' | 'neutral' | 'amber' | 'violet'> = {
  credit: 'green',
  top_up: 'blue',
  spend: 'neutral',
  refund: 'violet',
  adjustment: 'amber',
};

/**
 * The entry's note, unless it only repeats its kind: the API writes the English kind ("Refund", "Card top-up") as
 * the note when nobody gave one, so that is left out in every language.
 */
const extraNote = (entry: WalletEntryDto): string | null =>
  entry.note && entry.note !== i18next.t(`common:entryKinds.${entry.kind}`, { lng: 'en' }) ? entry.note : null;

/** The kind of entry, the receipt of its order, its note and (on a phone) its payer. */
const EntryWhat = ({ entry }: { entry: WalletEntryDto }) => {
  const { t } = useTranslation('common');
  const note = extraNote(entry);
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={ENTRY_KIND_TONES[entry.kind]}>{t(`entryKinds.${entry.kind}`)}</Badge>
        {entry.orderId ? (
          <Link
            to="/orders/$orderId"
            params={{ orderId: entry.orderId }}
            className="text-sm font-medium text-emerald-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
          >
            {t('orderLink', { number: orderNumber(entry.orderId) })}
          </Link>
        ) : null}
      </div>
      {note ? <p className="mt-1 text-xs text-zinc-600">{note}</p> : null}
      <p className="mt-0.5 text-xs text-zinc-600 md:hidden">{entry.payerName}</p>
    </>
  );
};

/**
 * A wallet's entries (your own Wallet, a person's page): the kind, its order's receipt, the note, payer and amount.
 * Each header is read in the language shown.
 */
export const WALLET_ENTRY_COLUMNS: Column<WalletEntryDto>[] = [
  {
    get header() {
      return i18next.t('common:columns.date');
    },
    cell: (entry) => formatDateTime(entry.occurredAt),
    cellClassName: 'min-w-24 sm:whitespace-nowrap',
  },
  {
    get header() {
      return i18next.t('common:columns.what');
    },
    cell: (entry) => <EntryWhat entry={entry} />,
  },
  {
    get header() {
      return i18next.t('common:columns.payer');
    },
    cell: (entry) => entry.payerName,
    className: 'hidden md:table-cell',
  },
  {
    get header() {
      return i18next.t('common:columns.amount');
    },
    cell: (entry) => formatSignedMoney(entry.amountCents),
    className: 'text-right',
    cellClassName: (entry) =>
      cn('font-medium whitespace-nowrap tabular-nums', entry.amountCents < 0 ? 'text-red-700' : 'text-emerald-700'),
  },
];
