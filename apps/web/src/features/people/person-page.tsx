import { IdSchema, type OrderSummaryDto, type UserDto, canActOn } from '@canteen/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ArrowLeft, Clock, FileText, ReceiptText, ScrollText, UserRoundX, Wallet } from 'lucide-react';
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
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user : null;
  const isId = IdSchema.safeParse(userId).success;
  const person = useQuery({ ...trpc.user.byId.queryOptions({ id: userId }), enabled: isId });
  const backTo =
    me?.role === 'admin'
      ? ({ to: '/admin/users', label: 'Back to users' } as const)
      : ({ to: '/people', label: 'Back to people' } as const);
  const isMissing = !isId || (person.isError && ['NOT_FOUND', 'BAD_REQUEST'].includes(errorCode(person.error) ?? ''));

  return (
    <>
      <PageHeader
        title={person.data?.name ?? (isMissing ? 'Person not found' : 'Person')}
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
          <EmptyState
            icon={UserRoundX}
            title="Person not found"
            description="They don't exist, or they are not in your department."
          />
        </Card>
      ) : person.isPending ? (
        <PageSpinner label="Loading the person" />
      ) : person.isError ? (
        <Alert>{errorMessage(person.error)}</Alert>
      ) : (
        <PersonDetails person={person.data} me={me} />
      )}
    </>
  );
};

const PersonSummary = ({ person }: { person: UserDto }) => (
  <>
    {person.departmentName ?? 'No department'} · {person.email}
  </>
);

const PersonActions = ({ person, me }: { person: UserDto; me: SessionUser }) => (
  <>
    {canActOn(me, person, 'read') ? (
      <Button asChild variant="secondary">
        <Link to="/reports/statement" search={{ userId: person.id, month: localMonth() }}>
          <FileText aria-hidden />
          Monthly statement
        </Link>
      </Button>
    ) : null}
    {me.role === 'admin' ? (
      <Button asChild variant="secondary">
        <Link to="/admin/audit" search={{ entity: 'User', about: person.id }}>
          <ScrollText aria-hidden />
          Audit history
        </Link>
      </Button>
    ) : null}
  </>
);

const PersonDetails = ({ person, me }: { person: UserDto; me: SessionUser | null }) => {
  // The wallet and orders of another manager or an admin are not a manager's to read (the API refuses too).
  const canReadMoney = me !== null && canActOn(me, person, 'read');
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <ProfileCard person={person} />
        {canReadMoney ? (
          <BalanceCard userId={person.id} />
        ) : (
          <Alert tone="info" title="Wallet and orders not shown">
            Only an admin sees the wallet and orders of a manager or an admin.
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

const ProfileCard = ({ person }: { person: UserDto }) => (
  <Card aria-labelledby="person-profile-title">
    <CardHeader>
      <CardTitle id="person-profile-title">Profile</CardTitle>
    </CardHeader>
    <CardContent>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-3 text-sm">
        <dt className="text-zinc-600">Email</dt>
        <dd className="break-all text-zinc-900">{person.email}</dd>
        <dt className="text-zinc-600">Employee number</dt>
        <dd className="font-mono text-zinc-900">{person.employeeNumber}</dd>
        <dt className="text-zinc-600">Department</dt>
        <dd className="text-zinc-900">{person.departmentName ?? 'None'}</dd>
        <dt className="text-zinc-600">Role</dt>
        <dd>
          <RoleBadge role={person.role} />
        </dd>
        <dt className="text-zinc-600">Status</dt>
        <dd>
          <UserStatusBadges user={person} />
        </dd>
        <dt className="text-zinc-600">Last sign-in</dt>
        <dd className="text-zinc-900" data-testid="person-last-sign-in">
          {person.lastLoginAt ? formatDateTime(person.lastLoginAt) : 'Never signed in'}
        </dd>
        <dt className="text-zinc-600">Member since</dt>
        <dd className="text-zinc-900">{formatDateTime(person.createdAt)}</dd>
      </dl>
    </CardContent>
  </Card>
);

const BalanceCard = ({ userId }: { userId: string }) => {
  const balance = useQuery(trpc.wallet.balance.queryOptions({ userId }));
  return (
    <Card aria-labelledby="person-balance-title">
      <CardHeader>
        <CardTitle id="person-balance-title">Balance</CardTitle>
        <CardDescription>
          {balance.data ? (
            <>
              In total{' '}
              <span data-testid="person-balance-total" className="font-semibold text-zinc-900 tabular-nums">
                {formatMoney(balance.data.totalCents)}
              </span>
              , per payer; the oldest money is spent first.
            </>
          ) : (
            'Per payer; the oldest money is spent first.'
          )}
        </CardDescription>
      </CardHeader>
      {balance.isPending ? (
        <PageSpinner label="Loading the balance" />
      ) : balance.isError ? (
        <div className="p-5">
          <Alert>{errorMessage(balance.error)}</Alert>
        </div>
      ) : balance.data.byPayer.length ? (
        <PayerShares balance={balance.data} />
      ) : (
        <EmptyState icon={Wallet} title="The wallet is empty" description="Credit it from Credits." />
      )}
    </Card>
  );
};

const ORDER_TABLE_COLUMNS: Column<OrderSummaryDto>[] = [
  {
    header: 'Order',
    cell: (order) => (
      <>
        <OrderLink orderId={order.id} />
        <span className="block text-xs text-zinc-600 sm:hidden">{formatDateTime(order.createdAt)}</span>
        {order.placedById !== order.userId ? (
          <span className="block text-xs text-zinc-600">At the till by {order.placedByName}</span>
        ) : null}
      </>
    ),
  },
  {
    header: 'Date',
    cell: (order) => formatDateTime(order.createdAt),
    className: 'hidden sm:table-cell',
    cellClassName: 'whitespace-nowrap',
  },
  ORDER_COLUMNS.items('sm'),
  ORDER_COLUMNS.total,
  { header: 'Status', cell: (order) => <OrderStatusBadge status={order.status} />, className: 'hidden sm:table-cell' },
];

const OrdersCard = ({ userId }: { userId: string }) => {
  const list = usePagedList((cursor) => trpc.order.list.queryOptions({ limit: ORDERS_PAGE_SIZE, cursor, userId }));
  return (
    <Card aria-labelledby="person-orders-title">
      <CardHeader>
        <CardTitle id="person-orders-title">Recent orders</CardTitle>
        <CardDescription>Newest first. Open one for its receipt.</CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel="Loading the orders"
        pagesLabel="Order pages"
        isPagingHiddenOnOnePage
        empty={{ icon: ReceiptText, title: 'No orders yet' }}
      >
        {(orders) => <DataTable caption="Recent orders" rows={orders} columns={ORDER_TABLE_COLUMNS} />}
      </ListView>
    </Card>
  );
};

const MoneyInCard = ({ userId }: { userId: string }) => {
  const list = usePagedList((cursor) =>
    trpc.wallet.entries.queryOptions({ limit: ENTRIES_PAGE_SIZE, cursor, userId, kinds: [...MONEY_IN] }),
  );
  return (
    <Card aria-labelledby="person-money-in-title">
      <CardHeader>
        <CardTitle id="person-money-in-title">Credits and refunds</CardTitle>
        <CardDescription>
          Money put in (credits, adjustments, card top-ups) and given back for orders, newest first.
        </CardDescription>
      </CardHeader>
      <ListView
        list={list}
        loadingLabel="Loading credits and refunds"
        pagesLabel="Credit pages"
        isPagingHiddenOnOnePage
        empty={{ icon: Clock, title: 'No credits or refunds yet' }}
      >
        {(entries) => <DataTable caption="Credits and refunds" rows={entries} columns={WALLET_ENTRY_COLUMNS} />}
      </ListView>
    </Card>
  );
};
