import { IdSchema, type OrderSummaryDto, type UserDto, canActOn } from '@canteen/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { ArrowLeft, Clock, FileText, ReceiptText, ScrollText, UserRoundX, Wallet } from 'lucide-react';
import { Trans, useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { ListView } from '../../components/list-view';
import { ORDER_COLUMNS, OrderLink } from '../../components/order-columns';
import { OrderStatusBadge } from '../../components/order-status-badge';
import { PageHeader } from '../../components/page-header';
import { PayerShares } from '../../components/payer-shares';
import { RoleBadge } from '../../components/role-badge';
import { PageSpinner } from '../../components/spinner';
import { UserStatusBadges } from '../../components/user-status-badges';
import { WALLET_ENTRY_COLUMNS } from '../../components/wallet-entry-columns';
import { type SessionUser, useSession } from '../../lib/auth';
import { localMonth } from '../../lib/calendar';
import { errorCode, errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';

const ORDERS_PAGE_SIZE = 5;
const ENTRIES_PAGE_SIZE = 5;
/** Money that came into the wallet or went back to it: everything but spends. */
const MONEY_IN = ['credit', 'top_up', 'adjustment', 'refund'] as const;

type PersonPageProps = { userId: string };

/**
 * One person as their manager (their department's people) or an admin (anyone) sees them: who they are, their
 * balance per payer, their recent orders and the money put in or given back. The API decides the reach: someone
 * out of it is "not found", as an unknown id is.
 */
export const PersonPage = ({ userId }: PersonPageProps) => {
  const { t } = useTranslation('people');
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user : null;
  const isId = IdSchema.safeParse(userId).success;
  const person = useQuery({ ...trpc.user.byId.queryOptions({ id: userId }), enabled: isId });
  const backTo =
    me?.role === 'admin'
      ? ({ to: '/admin/users', label: t('person.backToUsers') } as const)
      : ({ to: '/people', label: t('person.backToPeople') } as const);
  const isMissing = !isId || (person.isError && ['NOT_FOUND', 'BAD_REQUEST'].includes(errorCode(person.error) ?? ''));

  return (
    <>
      <PageHeader
        title={person.data?.name ?? (isMissing ? t('person.notFound.title') : t('person.title'))}
        description={person.data ? <PersonSummary person={person.data} /> : undefined}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link to={backTo.to}>
                <ArrowLeft aria-hidden />
                {backTo.label}
              </Link>
            </Button>
            {person.data && me ? <PersonActions person={person.data} me={me} /> : null}
          </>
        }
      />
      {isMissing ? (
        <Card>
          <EmptyState icon={UserRoundX} title={t('person.notFound.title')} description={t('person.notFound.description')} />
        </Card>
      ) : person.isPending ? (
        <PageSpinner label={t('person.loading')} />
      ) : person.isError ? (
        <Alert>{errorMessage(person.error)}</Alert>
      ) : (
        <PersonDetails person={person.data} me={me} />
      )}
    </>
  );
};

const PersonSummary = ({ person }: { person: UserDto }) => {
  const { t } = useTranslation('people');
  return (
    <>
      {person.departmentName ?? t('person.noDepartment')} · {person.email}
    </>
  );
};

const PersonActions = ({ person, me }: { person: UserDto; me: SessionUser }) => {
  const { t } = useTranslation('people');
  return (
    <>
      {canActOn(me, person, 'read') ? (
        <Button asChild variant="secondary">
          <Link to="/reports/statement" search={{ userId: person.id, month: localMonth() }}>
            <FileText aria-hidden />
            {t('person.monthlyStatement')}
          </Link>
        </Button>
      ) : null}
      {me.role === 'admin' ? (
        <Button asChild variant="secondary">
          <Link to="/admin/audit" search={{ entity: 'User', about: person.id }}>
            <ScrollText aria-hidden />
            {t('person.auditHistory')}
          </Link>
        </Button>
      ) : null}
    </>
  );
};

const PersonDetails = ({ person, me }: { person: UserDto; me: SessionUser | null }) => {
  const { t } = useTranslation('people');
  // The wallet and orders of another manager or an admin are not a manager's to read (the API refuses too).
  const canReadMoney = me !== null && canActOn(me, person, 'read');
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <ProfileCard person={person} />
        {canReadMoney ? (
          <BalanceCard userId={person.id} />
        ) : (
          <Alert tone="info" title={t('person.moneyHidden.title')}>
            {t('person.moneyHidden.description')}
          </Alert>
        )}
      </div>
      {canReadMoney ? (
        <>
          <OrdersCard userId={person.id} />
          <MoneyInCard userId={person.id} />
        </>
      ) : null}
    </div>
  );
};

const ProfileCard = ({ person }: { person: UserDto }) => {
  const { t } = useTranslation('people');
  return (
    <Card aria-labelledby="person-profile-title">
      <CardHeader>
        <CardTitle id="person-profile-title">{t('person.profile.title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-3 text-sm">
          <dt className="text-zinc-600">{t('person.profile.email')}</dt>
          <dd className="break-all text-zinc-900">{person.email}</dd>
          <dt className="text-zinc-600">{t('person.profile.employeeNumber')}</dt>
          <dd className="font-mono text-zinc-900">{person.employeeNumber}</dd>
          <dt className="text-zinc-600">{t('person.profile.department')}</dt>
          <dd className="text-zinc-900">{person.departmentName ?? t('person.profile.noDepartment')}</dd>
          <dt className="text-zinc-600">{t('person.profile.role')}</dt>
          <dd>
            <RoleBadge role={person.role} />
          </dd>
          <dt className="text-zinc-600">{t('person.profile.status')}</dt>
          <dd>
            <UserStatusBadges user={person} />
          </dd>
          <dt className="text-zinc-600">{t('person.profile.lastSignIn')}</dt>
          <dd className="text-zinc-900" data-testid="person-last-sign-in">
            {person.lastLoginAt ? formatDateTime(person.lastLoginAt) : t('person.profile.neverSignedIn')}
          </dd>
          <dt className="text-zinc-600">{t('person.profile.memberSince')}</dt>
          <dd className="text-zinc-900">{formatDateTime(person.createdAt)}</dd>
        </dl>
      </CardContent>
    </Card>
  );
};

const BalanceCard = ({ userId }: { userId: string }) => {
  const { t } = useTranslation('people');
  const balance = useQuery(trpc.wallet.balance.queryOptions({ userId }));
  return (
    <Card aria-labelledby="person-balance-title">
      <CardHeader>
        <CardTitle id="person-balance-title">{t('person.balance.title')}</CardTitle>
        <CardDescription>
          {balance.data ? (
            <Trans
              t={t}
              i18nKey="person.balance.total"
              values={{ amount: formatMoney(balance.data.totalCents) }}
              components={{
                total: <span data-testid="person-balance-total" className="font-semibold text-zinc-900 tabular-nums" />,
              }}
            />
          ) : (
            t('person.balance.perPayer')
          )}
        </CardDescription>
      </CardHeader>
      {balance.isPending ? (
        <PageSpinner label={t('person.balance.loading')} />
      ) : balance.isError ? (
        <div className="p-5">
          <Alert>{errorMessage(balance.error)}</Alert>
        </div>
      ) : balance.data.byPayer.length ? (
        <PayerShares balance={balance.data} />
      ) : (
        <EmptyState icon={Wallet} title={t('person.balance.empty.title')} description={t('person.balance.empty.description')} />
      )}
    </Card>
  );
};

const orderTableColumns = (t: TFunction<'people'>): Column<OrderSummaryDto>[] => [
  {
    header: t('person.orders.order'),
    cell: (order) => (
      <>
        <OrderLink orderId={order.id} />
        <span className="block text-xs text-zinc-600 sm:hidden">{formatDateTime(order.createdAt)}</span>
        {order.placedById !== order.userId ? (
          <span className="block text-xs text-zinc-600">{t('person.orders.atTill', { name: order.placedByName })}</span>
        ) : null}
      </>
    ),
  },
  {
    header: t('person.orders.date'),
    cell: (order) => formatDateTime(order.createdAt),
    className: 'hidden sm:table-cell',
    cellClassName: 'whitespace-nowrap',
  },
  ORDER_COLUMNS.items('sm'),
  ORDER_COLUMNS.total,
  {
    header: t('person.orders.status'),
    cell: (order) => <OrderStatusBadge status={order.status} />,
    className: 'hidden sm:table-cell',
  },
];

const OrdersCard = ({ userId }: { userId: string }) => {
  const { t } = useTranslation('people');
  const list = usePagedList((cursor) => trpc.order.list.queryOptions({ limit: ORDERS_PAGE_SIZE, cursor, userId }));
  return (
    <Card aria-labelledby="person-orders-title">
      <CardHeader>
        <CardTitle id="person-orders-title">{t('person.orders.title')}</CardTitle>
        <CardDescription>{t('person.orders.description')}</CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel={t('person.orders.loading')}
        pagesLabel={t('person.orders.pages')}
        isPagingHiddenOnOnePage
        empty={{ icon: ReceiptText, title: t('person.orders.empty') }}
      >
        {(orders) => <DataTable caption={t('person.orders.caption')} rows={orders} columns={orderTableColumns(t)} />}
      </ListView>
    </Card>
  );
};

const MoneyInCard = ({ userId }: { userId: string }) => {
  const { t } = useTranslation('people');
  const list = usePagedList((cursor) =>
    trpc.wallet.entries.queryOptions({ limit: ENTRIES_PAGE_SIZE, cursor, userId, kinds: [...MONEY_IN] }),
  );
  return (
    <Card aria-labelledby="person-money-in-title">
      <CardHeader>
        <CardTitle id="person-money-in-title">{t('person.moneyIn.title')}</CardTitle>
        <CardDescription>{t('person.moneyIn.description')}</CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel={t('person.moneyIn.loading')}
        pagesLabel={t('person.moneyIn.pages')}
        isPagingHiddenOnOnePage
        empty={{ icon: Clock, title: t('person.moneyIn.empty') }}
      >
        {(entries) => <DataTable caption={t('person.moneyIn.caption')} rows={entries} columns={WALLET_ENTRY_COLUMNS} />}
      </ListView>
    </Card>
  );
};
