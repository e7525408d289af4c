import type { OrderSummaryDto } from '@canteen/shared';
import { ORDER_STATUSES } from '@canteen/shared';
import { dayIn } from '@canteen/shared/calendar';
import { hasRole } from '@canteen/shared/rules';
import type { TFunction } from 'i18next';
import { ReceiptText, RotateCcw, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { BrowseMenuButton } from '../../components/browse-menu-button';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { DayRangeFields } from '../../components/day-range-fields';
import { Field } from '../../components/field';
import { ListView } from '../../components/list-view';
import { ORDER_COLUMNS, OrderLink } from '../../components/order-columns';
import { OrderStatusBadge } from '../../components/order-status-badge';
import { PageHeader } from '../../components/page-header';
import { SearchInput } from '../../components/search-input';
import { Select, type SelectOption } from '../../components/select';
import { useSession } from '../../lib/auth';
import { dayStartIn, nextDay } from '../../lib/calendar';
import { canteenConfig } from '../../lib/canteen-config';
import { formatDateTime, orderNumber } from '../../lib/format';
import { formatPickup } from '../../lib/pickup';
import type { OrdersSearch } from '../../lib/search-params';
import { trpc } from '../../lib/trpc';
import { useCommittedText } from '../../lib/use-committed-text';
import { usePagedList } from '../../lib/use-list';
import { useOrderAgain } from '../../lib/use-order-again';

const PAGE_SIZE = 20;
const ALL = 'all';

/** Ordered for a later day than it was placed on (the canteen's days). */
const isPreOrder = (order: OrderSummaryDto): boolean =>
  order.pickupDay !== dayIn(new Date(order.createdAt), canteenConfig().timeZone);

type OrderAgain = ReturnType<typeof useOrderAgain>;

const columns = (t: TFunction<'orders'>, again: OrderAgain): Column<OrderSummaryDto>[] => [
  {
    header: t('columns.order'),
    cell: (order) => (
      <>
        <OrderLink orderId={order.id} />
        <span className="block text-xs text-zinc-600 sm:hidden">{formatDateTime(order.createdAt)}</span>
        {order.placedById !== order.userId ? (
          <span className="block text-xs text-zinc-600">{t('columns.atTill', { name: order.placedByName })}</span>
        ) : null}
        {isPreOrder(order) ? (
          <span className="block text-xs font-medium text-zinc-800">
            {t('columns.pickup', { pickup: formatPickup(order.pickupDay, order.pickupAt, canteenConfig().timeZone) })}
          </span>
        ) : null}
      </>
    ),
  },
  {
    header: t('columns.date'),
    cell: (order) => formatDateTime(order.createdAt),
    className: 'hidden sm:table-cell',
    cellClassName: 'whitespace-nowrap',
  },
  ORDER_COLUMNS.items('sm'),
  ORDER_COLUMNS.total,
  {
    header: t('columns.status'),
    cell: (order) => <OrderStatusBadge status={order.status} uncollectedAt={order.uncollectedAt} />,
    className: 'hidden sm:table-cell',
  },
  {
    header: t('again.button'),
    isHeaderHidden: true,
    className: 'text-right',
    cell: (order) => (
      <Button
        variant="ghost"
        size="sm"
        aria-label={t('again.label', { number: orderNumber(order.id) })}
        isLoading={again.pendingId === order.id}
        onClick={() => void again.orderAgain(order.id)}
      >
        <RotateCcw aria-hidden />
        <span className="hidden md:inline">{t('again.button')}</span>
      </Button>
    ),
  },
];

/** What the filters ask the API: days are the canteen's (its time zone), both included. */
const listInput = (search: OrdersSearch) => {
  const { timeZone } = canteenConfig();
  return {
    ...(search.q ? { search: search.q } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.from ? { from: dayStartIn(search.from, timeZone) } : {}),
    ...(search.to ? { to: dayStartIn(nextDay(search.to), timeZone) } : {}),
  };
};

type OrdersPageProps = { search: OrdersSearch; onSearchChange: (search: OrdersSearch, isTyping?: boolean) => void };

/**
 * The signed-in person's own orders, newest first (staff see others' orders under Sales), with search, status and
 * days kept in the address, and "Order again" on every row.
 */
export const OrdersPage = ({ search, onSearchChange }: OrdersPageProps) => {
  const { t } = useTranslation('orders');
  const session = useSession();
  const again = useOrderAgain();
  const user = session.status === 'signedIn' ? session.user : null;
  // Employees only ever get their own; staff ask for theirs explicitly.
  const isStaff = user !== null && hasRole(user.role, 'manager');
  const list = usePagedList((cursor) =>
    trpc.order.list.queryOptions({
      limit: PAGE_SIZE,
      cursor,
      ...listInput(search),
      ...(isStaff ? { userId: user.id } : {}),
    }),
  );
  const isFiltered = Boolean(search.q || search.status || search.from || search.to);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <OrderFilters search={search} onChange={onSearchChange} isFiltered={isFiltered} />
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          isFiltered={isFiltered}
          noMatch={{
            title: t('noMatch.title'),
            description: t('noMatch.description'),
            action: (
              <Button variant="secondary" onClick={() => onSearchChange({})}>
                {t('filters.clear')}
              </Button>
            ),
          }}
          empty={{
            icon: ReceiptText,
            title: t('empty.title'),
            description: t('empty.description'),
            action: <BrowseMenuButton variant="secondary" />,
          }}
        >
          {(orders) => <DataTable caption={t('caption')} rows={orders} columns={columns(t, again)} />}
        </ListView>
      </Card>
    </>
  );
};

type OrderFiltersProps = { search: OrdersSearch; onChange: OrdersPageProps['onSearchChange']; isFiltered: boolean };

const OrderFilters = ({ search, onChange, isFiltered }: OrderFiltersProps) => {
  const { t } = useTranslation('orders');
  const { t: common } = useTranslation('common');
  const text = useCommittedText(search.q ?? '', (q) => onChange({ ...search, q: q || undefined }, true));
  const statusOptions: SelectOption<(typeof ORDER_STATUSES)[number] | typeof ALL>[] = [
    { value: ALL, label: t('filters.anyStatus') },
    ...ORDER_STATUSES.map((status) => ({ value: status, label: common(`orderStatus.${status}`) })),
  ];
  return (
    <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,2fr)_auto] lg:items-end">
      <Field label={t('filters.search')}>
        <SearchInput placeholder={t('filters.searchPlaceholder')} {...text} />
      </Field>
      <Field label={t('filters.status')}>
        <Select
          value={search.status ?? ALL}
          options={statusOptions}
          onValueChange={(status) => onChange({ ...search, status: status === ALL ? undefined : status })}
        />
      </Field>
      <DayRangeFields value={search} onChange={(range) => onChange({ ...search, ...range })} />
      <Button variant="ghost" disabled={!isFiltered} onClick={() => onChange({})}>
        <X aria-hidden />
        {t('filters.clear')}
      </Button>
    </div>
  );
};
