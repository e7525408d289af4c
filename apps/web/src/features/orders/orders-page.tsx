import type { OrderSummaryDto } from '@canteen/shared';
import { hasRole } from '@canteen/shared/rules';
import { ReceiptText } from 'lucide-react';
import { BrowseMenuButton } from '../../components/browse-menu-button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { ListView } from '../../components/list-view';
import { ORDER_COLUMNS, OrderLink } from '../../components/order-columns';
import { OrderStatusBadge } from '../../components/order-status-badge';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';

const PAGE_SIZE = 20;

const COLUMNS: Column<OrderSummaryDto>[] = [
  {
    header: 'Order',
    cell: (order) => (
      <>
        <OrderLink orderId={order.id} />
        {order.placedById !== order.userId ? (
          <span className="block text-xs text-zinc-600">At the till by {order.placedByName}</span>
        ) : null}
      </>
    ),
  },
  { header: 'Date', cell: (order) => formatDateTime(order.createdAt), cellClassName: 'whitespace-nowrap' },
  ORDER_COLUMNS.items('sm'),
  ORDER_COLUMNS.total,
  { header: 'Status', cell: (order) => <OrderStatusBadge status={order.status} /> },
];

/** The signed-in person's own orders, newest first (staff see others' orders under Sales). */
export const OrdersPage = () => {
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  // Employees only ever get their own; staff ask for theirs explicitly.
  const isStaff = user !== null && hasRole(user.role, 'manager');
  const list = usePagedList((cursor) =>
    trpc.order.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(isStaff ? { userId: user.id } : {}) }),
  );

  return (
    <>
      <PageHeader title="Orders" description="Everything you have ordered. Open one for its receipt." />
      <Card>
        <ListView
          list={list}
          loadingLabel="Loading your orders"
          pagesLabel="Orders pages"
          empty={{
            icon: ReceiptText,
            title: 'No orders yet',
            description: 'When you order from the menu, your receipts appear here.',
            action: <BrowseMenuButton variant="secondary" />,
          }}
        >
          {(orders) => <DataTable caption="Your orders" rows={orders} columns={COLUMNS} />}
        </ListView>
      </Card>
    </>
  );
};
