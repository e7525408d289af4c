import type { PaymentDto } from '@canteen/shared';
import { hasRole } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { Clock, CreditCard, Plus, Wallet } from 'lucide-react';
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
import { WALLET_ENTRY_COLUMNS } from '../../components/wallet-entry-columns';
import { useSession } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';
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

const EntriesCard = () => {
  const { t } = useTranslation('wallet');
  const list = usePagedList((cursor) => trpc.wallet.entries.queryOptions({ limit: PAGE_SIZE, cursor }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('history.title')}</CardTitle>
        <CardDescription>{t('history.description')}</CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel={t('history.loading')}
        pagesLabel={t('history.pages')}
        empty={{
          icon: Clock,
          title: t('history.empty.title'),
          description: t('history.empty.description'),
        }}
      >
        {(entries) => <DataTable caption={t('history.caption')} rows={entries} columns={WALLET_ENTRY_COLUMNS} />}
      </ListView>
    </Card>
  );
};
