import type { PaymentDto, WalletHistoryItem } from '@canteen/shared';
import { hasRole } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { ChevronDown, Clock, CreditCard, Plus, Wallet } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { PAYMENT_COLUMNS, PaymentNotes } from '../../components/payment-columns';
import { PageSpinner } from '../../components/spinner';
import { PayerShares } from '../../components/payer-shares';
import { Badge } from '../../components/badge';
import { DayRangeFields } from '../../components/day-range-fields';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import { useSession } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { dayStartIn, localDay, nextDay } from '../../lib/calendar';
import { canteenConfig } from '../../lib/canteen-config';
import { formatDate, formatDateTime, orderNumber } from '../../lib/format';
import { formatMoney, formatSignedMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';
import { cn } from '../../lib/utils';
import { BalanceChart } from './balance-chart';
import { TopUpDialog } from './top-up-dialog';

const CHART_DAYS = 90;

const PAGE_SIZE = 20;
const TOP_UPS_PAGE_SIZE = 5;

type WalletPageProps = {
  /** Open the top-up dialog right away (`?topUp=true`), with this amount filled in when given. */
  topUpRequest: { amountCents: number | undefined } | null;
};

export const WalletPage = ({ topUpRequest }: WalletPageProps) => {
  const { t } = useTranslation('wallet');
  const navigate = useNavigate();
  const balance = useQuery(trpc.wallet.balance.queryOptions({}));
  const topUpOptions = useQuery(trpc.payment.options.queryOptions());
  const [isTopUpOpen, setIsTopUpOpen] = useState(topUpRequest !== null);
  const closeTopUp = () => {
    setIsTopUpOpen(false);
    // A reload must not open it again.
    if (topUpRequest) void navigate({ to: '/wallet', search: {}, replace: true });
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          topUpOptions.data?.isEnabled ? (
            <Button onClick={() => setIsTopUpOpen(true)}>
              <Plus aria-hidden />
              {t('topUp')}
            </Button>
          ) : null
        }
      />
      {topUpOptions.data?.isEnabled ? (
        <TopUpDialog
          isOpen={isTopUpOpen}
          onOpenChange={(isOpen) => (isOpen ? setIsTopUpOpen(true) : closeTopUp())}
          options={topUpOptions.data}
          initialAmountCents={topUpRequest?.amountCents}
        />
      ) : null}
      <div className="grid gap-6">
        {balance.isPending ? (
          <PageSpinner label={t('balance.loading')} />
        ) : balance.isError ? (
          <Alert>{errorMessage(balance.error)}</Alert>
        ) : (
          <section aria-label={t('balance.label')} className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
            <div className="flex flex-col justify-between gap-4 rounded-xl bg-emerald-800 p-5 text-white shadow-sm">
              <p className="text-sm font-medium text-emerald-50">{t('balance.total')}</p>
              <p data-testid="wallet-total" className="text-4xl font-semibold tracking-tight tabular-nums">
                {formatMoney(balance.data.totalCents)}
              </p>
              <p className="text-xs text-emerald-50">
                {balance.data.byPayer.length
                  ? t('balance.fromPayers', { count: balance.data.byPayer.length })
                  : t('balance.noMoney')}
              </p>
            </div>
            <Card aria-labelledby="by-payer-title">
              <CardHeader>
                <CardTitle id="by-payer-title">{t('balance.byPayer')}</CardTitle>
              </CardHeader>
              {balance.data.byPayer.length ? (
                <PayerShares balance={balance.data} />
              ) : (
                <EmptyState icon={Wallet} title={t('balance.empty.title')} description={t('balance.empty.description')} />
              )}
            </Card>
          </section>
        )}
        <TopUpsCard isEnabled={topUpOptions.data?.isEnabled ?? true} />
        <BalanceHistoryCard />
        <EntriesCard />
      </div>
    </>
  );
};

const topUpColumns = (t: TFunction<'wallet'>): Column<PaymentDto>[] => [
  PAYMENT_COLUMNS.date,
  {
    header: t('topUps.status'),
    cell: (payment) => (
      <>
        {PAYMENT_COLUMNS.status.cell(payment)}
        <PaymentNotes payment={payment} />
      </>
    ),
  },
  PAYMENT_COLUMNS.amount,
];

/** The person's own card top-ups, whatever became of them (staff see others' under Payments). */
const TopUpsCard = ({ isEnabled }: { isEnabled: boolean }) => {
  const { t } = useTranslation('wallet');
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  // Employees only ever get their own; managers and admins ask for theirs explicitly.
  const isStaff = user !== null && hasRole(user.role, 'manager');
  const list = usePagedList((cursor) =>
    trpc.payment.list.queryOptions({ limit: TOP_UPS_PAGE_SIZE, cursor, ...(isStaff ? { userId: user.id } : {}) }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('topUps.title')}</CardTitle>
        <CardDescription>{isEnabled ? t('topUps.description') : t('topUps.disabled')}</CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel={t('topUps.loading')}
        pagesLabel={t('topUps.pages')}
        isPagingHiddenOnOnePage
        empty={{
          icon: CreditCard,
          title: t('topUps.empty.title'),
          description: isEnabled ? t('topUps.empty.description') : undefined,
        }}
      >
        {(payments) => <DataTable caption={t('topUps.caption')} rows={payments} columns={topUpColumns(t)} />}
      </ListView>
    </Card>
  );
};

const BalanceHistoryCard = () => {
  const { t } = useTranslation('wallet');
  const timeline = useQuery(trpc.wallet.timeline.queryOptions({ days: CHART_DAYS }));
  const first = timeline.data?.[0];
  const last = timeline.data?.at(-1);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('chart.title', { days: CHART_DAYS })}</CardTitle>
        <CardDescription>{t('chart.description')}</CardDescription>
      </CardHeader>
      <CardContent>
        {timeline.isPending ? (
          <PageSpinner label={t('chart.loading')} />
        ) : timeline.isError ? (
          <Alert>{errorMessage(timeline.error)}</Alert>
        ) : (
          <figure className="grid gap-2">
            <BalanceChart points={timeline.data} />
            {first && last ? (
              <figcaption className="sr-only">
                {t('chart.caption', {
                  from: formatMoney(first.balanceCents),
                  fromDate: formatDate(`${first.date}T12:00:00Z`),
                  to: formatMoney(last.balanceCents),
                  toDate: formatDate(`${last.date}T12:00:00Z`),
                })}
              </figcaption>
            ) : null}
          </figure>
        )}
      </CardContent>
    </Card>
  );
};

/** The history's kind filter: orders, refunds, money given (credits and adjustments) and card top-ups. */
const HISTORY_KINDS = {
  all: undefined,
  orders: ['spend'],
  refunds: ['refund'],
  credits: ['credit', 'adjustment'],
  topUps: ['top_up'],
} as const satisfies Record<string, readonly WalletHistoryItem['kind'][] | undefined>;
type HistoryKind = keyof typeof HISTORY_KINDS;

type HistoryFilters = { kind: HistoryKind; from: string; to: string };
const NO_HISTORY_FILTERS: HistoryFilters = { kind: 'all', from: '', to: '' };

/** What the filters ask the API and the CSV export: days in the canteen's time zone, both included. */
const historyInput = (filters: HistoryFilters) => {
  const { timeZone } = canteenConfig();
  const kinds = HISTORY_KINDS[filters.kind];
  return {
    ...(kinds ? { kinds: [...kinds] } : {}),
    ...(filters.from ? { from: dayStartIn(filters.from, timeZone) } : {}),
    ...(filters.to ? { to: dayStartIn(nextDay(filters.to), timeZone) } : {}),
  };
};

/**
 * The wallet as people read it (`wallet.history`): one row per event, so an order paid by three payers is one row
 * that opens to show who paid what; filters by kind and days, and the same as a CSV file.
 */
const EntriesCard = () => {
  const { t } = useTranslation('wallet');
  const [filters, setFilters] = useState<HistoryFilters>(NO_HISTORY_FILTERS);
  const input = historyInput(filters);
  const list = usePagedList((cursor) => trpc.wallet.history.queryOptions({ limit: PAGE_SIZE, cursor, ...input }));
  const isFiltered = filters.kind !== 'all' || Boolean(filters.from || filters.to);
  const kindOptions = (Object.keys(HISTORY_KINDS) as HistoryKind[]).map((kind) => ({
    value: kind,
    label: t(`history.kinds.${kind}`),
  }));
  const csvParams = { ...input, kinds: input.kinds?.join(',') };
  return (
    <Card>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3 sm:flex-row">
        <div className="grid gap-1">
          <CardTitle>{t('history.title')}</CardTitle>
          <CardDescription>{t('history.description')}</CardDescription>
        </div>
        <DownloadCsvButton
          what={t('history.csvWhat')}
          download={{ name: 'wallet-history', params: csvParams, fileName: `canteen-wallet-${localDay()}.csv` }}
        />
      </CardHeader>
      <div className="grid gap-3 border-b border-zinc-100 px-5 pb-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] sm:px-6">
        <Field label={t('history.filters.kind')}>
          <Select value={filters.kind} options={kindOptions} onValueChange={(kind) => setFilters({ ...filters, kind })} />
        </Field>
        <DayRangeFields
          value={{ from: filters.from || undefined, to: filters.to || undefined }}
          onChange={(range) => setFilters({ ...filters, from: range.from ?? '', to: range.to ?? '' })}
        />
      </div>
      <ListView
        list={list}
        loadingLabel={t('history.loading')}
        pagesLabel={t('history.pages')}
        isFiltered={isFiltered}
        noMatch={{
          title: t('history.noMatch.title'),
          description: t('history.noMatch.description'),
          action: (
            <Button variant="secondary" onClick={() => setFilters(NO_HISTORY_FILTERS)}>
              {t('history.filters.clear')}
            </Button>
          ),
        }}
        empty={{
          icon: Clock,
          title: t('history.empty.title'),
          description: t('history.empty.description'),
        }}
      >
        {(items) => <HistoryTable items={items} />}
      </ListView>
    </Card>
  );
};

/** An order's spends and its refund share the order's id: the kind tells the rows apart. */
const keyOf = (item: WalletHistoryItem) => `${item.kind}:${item.id}`;

const HistoryTable = ({ items }: { items: WalletHistoryItem[] }) => {
  const { t } = useTranslation('wallet');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const rows = items.map((item) => ({ ...item, id: keyOf(item) }));
  return (
    <DataTable
      caption={t('history.caption')}
      rows={rows}
      detail={(row) =>
        row.parts.length > 1 && open.has(row.id) ? (
          <tr id={`split-${row.id}`} className="bg-zinc-50/70">
            <td colSpan={4} className="px-5 pt-1 pb-3 sm:px-6">
              <ul aria-label={t('history.split')} className="grid gap-1 text-sm">
                {row.parts.map((part) => (
                  <li key={part.payerId} className="flex justify-between gap-4">
                    <span className="text-zinc-700">{part.payerName}</span>
                    <span className="tabular-nums text-zinc-900">{formatSignedMoney(part.amountCents)}</span>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ) : null
      }
      columns={[
        {
          header: t('history.columns.date'),
          cell: (row) => formatDateTime(row.occurredAt),
          className: 'hidden sm:table-cell',
          cellClassName: 'whitespace-nowrap',
        },
        {
          header: t('history.columns.what'),
          cell: (row) => <HistoryWhat item={row} />,
        },
        {
          header: t('history.columns.amount'),
          className: 'text-right',
          cellClassName: (row) =>
            cn('font-medium whitespace-nowrap tabular-nums', row.amountCents < 0 ? 'text-red-700' : 'text-emerald-700'),
          cell: (row) => formatSignedMoney(row.amountCents),
        },
        {
          header: t('history.columns.split'),
          isHeaderHidden: true,
          className: 'w-10 text-right',
          cell: (row) =>
            row.parts.length > 1 ? (
              <Button
                variant="ghost"
                size="icon"
                className="size-8"
                aria-expanded={open.has(row.id)}
                aria-controls={`split-${row.id}`}
                aria-label={t('history.showSplit', { count: row.parts.length })}
                onClick={() => toggle(row.id)}
              >
                <ChevronDown aria-hidden className={cn('transition-transform', open.has(row.id) && 'rotate-180')} />
              </Button>
            ) : null,
        },
      ]}
    />
  );
};

/** The kind, its order's receipt, the note, who paid (one payer) or how many did, and (on a phone) the date. */
const HistoryWhat = ({ item }: { item: WalletHistoryItem }) => {
  const { t } = useTranslation('wallet');
  const { t: common } = useTranslation('common');
  const [only] = item.parts;
  const note = item.note && item.note !== common(`entryKinds.${item.kind}`, { lng: 'en' }) ? item.note : null;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={KIND_TONES[item.kind]}>{common(`entryKinds.${item.kind}`)}</Badge>
        {item.orderId ? (
          <Link
            to="/orders/$orderId"
            params={{ orderId: item.orderId }}
            className="text-sm font-medium text-emerald-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
          >
            {common('orderLink', { number: orderNumber(item.orderId) })}
          </Link>
        ) : null}
      </div>
      {note ? <p className="mt-1 text-xs text-zinc-600">{note}</p> : null}
      <p className="mt-0.5 text-xs text-zinc-600">
        {item.parts.length === 1 && only ? only.payerName : t('history.payers', { count: item.parts.length })}
      </p>
      <p className="mt-0.5 text-xs text-zinc-600 sm:hidden">{formatDateTime(item.occurredAt)}</p>
    </>
  );
};

const KIND_TONES: Record<WalletHistoryItem['kind'], 'green' | 'blue' | 'neutral' | 'amber' | 'violet'> = {
  credit: 'green',
  top_up: 'blue',
  spend: 'neutral',
  refund: 'violet',
  adjustment: 'amber',
};
