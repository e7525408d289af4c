import type { PaymentDto } from '@canteen/shared';
import { hasRole } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Clock, CreditCard, Plus, Wallet } from 'lucide-react';
import { useState } from 'react';
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
        title="Wallet"
        description="Money the company, your department and you have put in, and what you spent."
        actions={
          topUpOptions.data?.isEnabled ? (
            <Button onClick={() => setIsTopUpOpen(true)}>
              <Plus aria-hidden />
              Top up
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
          <PageSpinner label="Loading your balance" />
        ) : balance.isError ? (
          <Alert>{errorMessage(balance.error)}</Alert>
        ) : (
          <section aria-label="Balance" className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
            <div className="flex flex-col justify-between gap-4 rounded-xl bg-emerald-800 p-5 text-white shadow-sm">
              <p className="text-sm font-medium text-emerald-50">Total balance</p>
              <p data-testid="wallet-total" className="text-4xl font-semibold tracking-tight tabular-nums">
                {formatMoney(balance.data.totalCents)}
              </p>
              <p className="text-xs text-emerald-50">
                {balance.data.byPayer.length
                  ? `From ${balance.data.byPayer.length} ${balance.data.byPayer.length === 1 ? 'payer' : 'payers'}; the oldest money is spent first.`
                  : 'No money yet.'}
              </p>
            </div>
            <Card aria-labelledby="by-payer-title">
              <CardHeader>
                <CardTitle id="by-payer-title">By payer</CardTitle>
              </CardHeader>
              {balance.data.byPayer.length ? (
                <PayerShares balance={balance.data} />
              ) : (
                <EmptyState
                  icon={Wallet}
                  title="Your wallet is empty"
                  description="The company, your department or a promotion will credit it; you can ask your manager."
                />
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

const TOP_UP_COLUMNS: Column<PaymentDto>[] = [
  PAYMENT_COLUMNS.date,
  {
    header: 'Status',
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
        <CardTitle>Card top-ups</CardTitle>
        <CardDescription>
          {isEnabled
            ? 'Money you added by card, newest first. It is spent like any other, the oldest first.'
            : 'Card top-ups are not available here. Ask your canteen manager for a credit.'}
        </CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel="Loading your top-ups"
        pagesLabel="Top-up pages"
        isPagingHiddenOnOnePage
        empty={{
          icon: CreditCard,
          title: 'No card top-ups yet',
          description: isEnabled ? 'Use Top up to add your own money by card.' : undefined,
        }}
      >
        {(payments) => <DataTable caption="Card top-ups" rows={payments} columns={TOP_UP_COLUMNS} />}
      </ListView>
    </Card>
  );
};

const BalanceHistoryCard = () => {
  const timeline = useQuery(trpc.wallet.timeline.queryOptions({ days: CHART_DAYS }));
  const first = timeline.data?.[0];
  const last = timeline.data?.at(-1);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Balance over the last {CHART_DAYS} days</CardTitle>
        <CardDescription>At the end of each day.</CardDescription>
      </CardHeader>
      <CardContent>
        {timeline.isPending ? (
          <PageSpinner label="Loading the chart" />
        ) : timeline.isError ? (
          <Alert>{errorMessage(timeline.error)}</Alert>
        ) : (
          <figure className="grid gap-2">
            <BalanceChart points={timeline.data} />
            {first && last ? (
              <figcaption className="sr-only">
                Your balance went from {formatMoney(first.balanceCents)} on {formatDate(`${first.date}T12:00:00Z`)} to{' '}
                {formatMoney(last.balanceCents)} on {formatDate(`${last.date}T12:00:00Z`)}.
              </figcaption>
            ) : null}
          </figure>
        )}
      </CardContent>
    </Card>
  );
};

const EntriesCard = () => {
  const list = usePagedList((cursor) => trpc.wallet.entries.queryOptions({ limit: PAGE_SIZE, cursor }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>Every credit, order and refund, newest first.</CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel="Loading the history"
        pagesLabel="History pages"
        empty={{
          icon: Clock,
          title: 'Nothing here yet',
          description: 'Credits from the company or your department show up here.',
        }}
      >
        {(entries) => <DataTable caption="Wallet history" rows={entries} columns={WALLET_ENTRY_COLUMNS} />}
      </ListView>
    </Card>
  );
};
