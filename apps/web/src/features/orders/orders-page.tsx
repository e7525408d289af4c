import { QueryView } from '../../components/query-view';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ReceiptText } from 'lucide-react';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { useSession } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { OrderStatusBadge, orderNumber } from './order-status-badge';

const PAGE_SIZE = 20;

/** The signed-in person's own orders, newest first (staff see others' orders under Sales). */
export const OrdersPage = () => {
  const session = useSession();
  const userId = session.status === 'signedIn' ? session.user.id : undefined;
  const isEmployee = session.status === 'signedIn' && session.user.role === 'employee';
  // Employees only ever get their own; staff ask for theirs explicitly.
  const input = { limit: PAGE_SIZE, ...(isEmployee || !userId ? {} : { userId }) };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.order.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title="Orders" description="Everything you have ordered. Open one for its receipt." />
      <Card>
        <QueryView
          query={query}
          loadingLabel="Loading your orders"
          empty={
            <EmptyState
              icon={ReceiptText}
              title="No orders yet"
              description="When you order from the menu, your receipts appear here."
              action={
                <Button asChild variant="secondary">
                  <Link to="/menu">Browse the menu</Link>
                </Button>
              }
            />
          }
        >
          {(data) => (
            <>
              <Table>
                <caption className="sr-only">Your orders</caption>
                <THead>
                  <tr>
                    <TH>Order</TH>
                    <TH>Date</TH>
                    <TH className="hidden text-right sm:table-cell">Items</TH>
                    <TH className="text-right">Total</TH>
                    <TH>Status</TH>
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
                        {order.placedById !== order.userId ? (
                          <span className="block text-xs text-zinc-600">At the till by {order.placedByName}</span>
                        ) : null}
                      </TD>
                      <TD className="whitespace-nowrap">{formatDateTime(order.createdAt)}</TD>
                      <TD className="hidden text-right tabular-nums sm:table-cell">{order.itemCount}</TD>
                      <TD className="text-right font-medium text-zinc-900 tabular-nums">{formatMoney(order.totalCents)}</TD>
                      <TD>
                        <OrderStatusBadge status={order.status} />
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
    </>
  );
};
