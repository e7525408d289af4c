import type { RouterOutputs } from '@canteen/api/trpc';
import { QueryView } from '../../components/query-view';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ReceiptText, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { Select } from '../../components/select';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { useSession } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { OrderStatusBadge, orderNumber } from '../orders/order-status-badge';
import { RefundDialog } from '../orders/refund-dialog';

type OrderRow = RouterOutputs['order']['list']['items'][number];
type StatusFilter = 'all' | 'completed' | 'refunded';

const PAGE_SIZE = 25;
const STATUS_OPTIONS = [
  { value: 'all', label: 'All orders' },
  { value: 'completed', label: 'Paid' },
  { value: 'refunded', label: 'Refunded' },
];
const isStatus = (value: string): value is StatusFilter => ['all', 'completed', 'refunded'].includes(value);

/**
 * Orders a manager may see: their own and those of their department's employees (the API scopes them; admins
 * see everyone's), with refunds for all but the caller's own orders (nobody refunds themself).
 */
export const SalesPage = () => {
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const [status, setStatus] = useState<StatusFilter>('all');
  const input = { limit: PAGE_SIZE, ...(status === 'all' ? {} : { status }) };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.order.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const [refunding, setRefunding] = useState<OrderRow | null>(null);

  return (
    <>
      <PageHeader
        title="Sales"
        description={
          user?.role === 'admin'
            ? 'Every order in the company, newest first.'
            : `Orders of the employees of ${user?.departmentName ?? 'your department'}, and your own, newest first.`
        }
      />
      <Card>
        <div className="border-b border-zinc-100 p-4 sm:px-6">
          <Select
            aria-label="Filter by status"
            value={status}
            onValueChange={(next) => setStatus(isStatus(next) ? next : 'all')}
            options={STATUS_OPTIONS}
            className="sm:w-52"
          />
        </div>
        <QueryView
          query={query}
          loadingLabel="Loading orders"
          empty={
            <EmptyState
              icon={ReceiptText}
              title={status === 'all' ? 'No orders yet' : 'No orders match'}
              description={status === 'all' ? 'Orders from the menu and the till show up here.' : 'Try another status.'}
            />
          }
        >
          {(data) => (
            <>
              <Table>
                <caption className="sr-only">Department orders</caption>
                <THead>
                  <tr>
                    <TH>Order</TH>
                    <TH>Person</TH>
                    <TH className="hidden md:table-cell">Date</TH>
                    <TH className="hidden text-right lg:table-cell">Items</TH>
                    <TH className="text-right">Total</TH>
                    <TH className="hidden sm:table-cell">Status</TH>
                    <TH className="text-right">
                      <span className="sr-only">Actions</span>
                    </TH>
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((order) => (
                    <TR key={order.id}>
                      <TD>
                        <Link
                          to="/orders/$orderId"
                          params={{ orderId: order.id }}
                          className="font-medium whitespace-nowrap text-emerald-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
                        >
                          #{orderNumber(order.id)}
                        </Link>
                        <span className="block text-xs whitespace-nowrap text-zinc-600 md:hidden">
                          {formatDateTime(order.createdAt)}
                        </span>
                      </TD>
                      <TD>
                        <span className="font-medium text-zinc-900">{order.userName}</span>
                        {order.placedById !== order.userId ? (
                          <span className="block text-xs text-zinc-600">Till: {order.placedByName}</span>
                        ) : null}
                        <span className="mt-1 block sm:hidden">
                          <OrderStatusBadge status={order.status} />
                        </span>
                      </TD>
                      <TD className="hidden whitespace-nowrap md:table-cell">{formatDateTime(order.createdAt)}</TD>
                      <TD className="hidden text-right tabular-nums lg:table-cell">{order.itemCount}</TD>
                      <TD className="text-right font-medium whitespace-nowrap text-zinc-900 tabular-nums">
                        {formatMoney(order.totalCents)}
                      </TD>
                      <TD className="hidden sm:table-cell">
                        <OrderStatusBadge status={order.status} />
                      </TD>
                      <TD className="text-right">
                        {order.status === 'completed' && order.userId !== user?.id ? (
                          <Button
                            variant="secondary"
                            size="sm"
                            aria-label={`Refund order #${orderNumber(order.id)} of ${order.userName}`}
                            onClick={() => setRefunding(order)}
                          >
                            <Undo2 aria-hidden />
                            <span className="hidden sm:inline">Refund</span>
                          </Button>
                        ) : null}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <Pagination
                label="Orders pages"
                page={pages.page}
                hasPrevious={pages.hasPrevious}
                hasNext={Boolean(data.nextCursor)}
                onPrevious={pages.goPrevious}
                onNext={() => data.nextCursor && pages.goNext(data.nextCursor)}
                isFetching={query.isFetching}
              />
            </>
          )}
        </QueryView>
      </Card>
      <RefundDialog key={refunding?.id ?? 'closed'} order={refunding} onClose={() => setRefunding(null)} />
    </>
  );
};
