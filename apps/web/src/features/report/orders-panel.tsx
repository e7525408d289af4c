import type { RouterInputs } from '@canteen/api/trpc';
import type { OrderSummaryDto } from '@canteen/shared';
import { ReceiptText, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { ListView } from '../../components/list-view';
import { ORDER_COLUMNS, OrderLink } from '../../components/order-columns';
import { OrderStatusBadge } from '../../components/order-status-badge';
import { RefundDialog } from '../../components/refund-dialog';
import { Select, type SelectOption } from '../../components/select';
import { formatDateTime, orderNumber } from '../../lib/format';
import { formatDays } from '../../lib/report-period';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';
import type { ReportFilters } from './use-report-filters';

type StatusFilter = 'all' | 'completed' | 'refunded';

const PAGE_SIZE = 25;
const STATUS_OPTIONS: SelectOption<StatusFilter>[] = [
  { value: 'all', label: 'All orders' },
  { value: 'completed', label: 'Paid' },
  { value: 'refunded', label: 'Refunded' },
];

type OrdersPanelProps = { filters: ReportFilters; input: RouterInputs['report']['revenue'] };

/**
 * The orders of the period a manager may see: their own and those of their department's employees (the API
 * scopes them; admins see everyone's, or one department's), newest first, with refunds for all but the caller's
 * own orders (nobody refunds themself).
 */
export const OrdersPanel = ({ filters, input }: OrdersPanelProps) => {
  const { user } = filters;
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = usePagedList((cursor) =>
    trpc.order.list.queryOptions({ limit: PAGE_SIZE, cursor, ...input, ...(status === 'all' ? {} : { status }) }),
  );
  const [refunding, setRefunding] = useState<OrderSummaryDto | null>(null);
  const whose =
    user?.role === 'admin'
      ? input.departmentId
        ? "The chosen department's orders"
        : 'Every order in the company'
      : `Orders of the employees of ${user?.departmentName ?? 'your department'}, and your own`;

  return (
    <>
      <Card aria-labelledby="orders-title">
        <CardHeader className="flex flex-wrap items-end justify-between gap-3">
          <div className="grid gap-1">
            <CardTitle id="orders-title">Orders</CardTitle>
            <CardDescription>
              {whose}, {formatDays(filters.days)}, newest first.
            </CardDescription>
          </div>
          <Select
            aria-label="Filter by status"
            value={status}
            onValueChange={setStatus}
            options={STATUS_OPTIONS}
            className="sm:w-52"
          />
        </CardHeader>
        <ListView
          list={list}
          loadingLabel="Loading orders"
          pagesLabel="Orders pages"
          empty={{
            icon: ReceiptText,
            title: 'No orders in this period',
            description: 'Orders from the menu and the till show up here.',
          }}
          isFiltered={status !== 'all'}
          noMatch={{ icon: ReceiptText, title: 'No orders match', description: 'Try another status.' }}
        >
          {(orders) => (
            <DataTable
              caption="Orders"
              rows={orders}
              columns={[
                {
                  header: 'Order',
                  cell: (order) => (
                    <>
                      <OrderLink orderId={order.id} />
                      <span className="block text-xs whitespace-nowrap text-zinc-600 md:hidden">
                        {formatDateTime(order.createdAt)}
                      </span>
                    </>
                  ),
                },
                {
                  header: 'Person',
                  cell: (order) => (
                    <>
                      <span className="font-medium text-zinc-900">{order.userName}</span>
                      {order.placedById !== order.userId ? (
                        <span className="block text-xs text-zinc-600">Till: {order.placedByName}</span>
                      ) : null}
                      <span className="mt-1 block sm:hidden">
                        <OrderStatusBadge status={order.status} />
                      </span>
                    </>
                  ),
                },
                {
                  header: 'Date',
                  cell: (order) => formatDateTime(order.createdAt),
                  className: 'hidden md:table-cell',
                  cellClassName: 'whitespace-nowrap',
                },
                ORDER_COLUMNS.items('lg'),
                ORDER_COLUMNS.total,
                {
                  header: 'Status',
                  cell: (order) => <OrderStatusBadge status={order.status} />,
                  className: 'hidden sm:table-cell',
                },
                {
                  header: 'Actions',
                  isHeaderHidden: true,
                  className: 'text-right',
                  cell: (order) =>
                    order.status === 'completed' && order.userId !== user?.id ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`Refund order #${orderNumber(order.id)} of ${order.userName}`}
                        onClick={() => setRefunding(order)}
                      >
                        <Undo2 aria-hidden />
                        <span className="hidden sm:inline">Refund</span>
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </ListView>
      </Card>
      <RefundDialog key={refunding?.id ?? 'closed'} order={refunding} onClose={() => setRefunding(null)} />
    </>
  );
};
