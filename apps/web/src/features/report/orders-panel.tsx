import type { RouterInputs } from '@canteen/api/trpc';
import type { OrderSummaryDto } from '@canteen/shared';
import { ORDER_STATUSES, type OrderStatus, isRefundable } from '@canteen/shared/lifecycle';
import { ReceiptText, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

type StatusFilter = 'all' | 'uncollected' | OrderStatus;

const PAGE_SIZE = 25;
const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'uncollected', ...ORDER_STATUSES];

type OrdersPanelProps = { filters: ReportFilters; input: RouterInputs['report']['revenue'] };

/**
 * The orders of the period a manager may see: their own and those of their department's employees (the API
 * scopes them; admins see everyone's, or one department's), newest first, with refunds for all but the caller's
 * own orders (nobody refunds themself).
 */
export const OrdersPanel = ({ filters, input }: OrdersPanelProps) => {
  const { t } = useTranslation('report');
  const { t: common } = useTranslation('common');
  const { user } = filters;
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = usePagedList((cursor) =>
    trpc.order.list.queryOptions({
      limit: PAGE_SIZE,
      cursor,
      ...input,
      ...(status === 'all' ? {} : status === 'uncollected' ? { uncollected: true } : { status }),
    }),
  );
  const [refunding, setRefunding] = useState<OrderSummaryDto | null>(null);
  const whose =
    user?.role === 'admin'
      ? t(input.departmentId ? 'orders.whose.department' : 'orders.whose.company')
      : t('orders.whose.managed', { department: user?.departmentName ?? t('orders.whose.yourDepartment') });
  const statusOptions: SelectOption<StatusFilter>[] = STATUS_FILTERS.map((value) => ({
    value,
    label: value === 'all' ? t('orders.status.all') : common(`orderStatus.${value}`),
  }));

  return (
    <>
      <Card aria-labelledby="orders-title">
        <CardHeader className="flex flex-wrap items-end justify-between gap-3">
          <div className="grid gap-1">
            <CardTitle id="orders-title">{t('orders.title')}</CardTitle>
            <CardDescription>{t('orders.description', { whose, days: formatDays(filters.days) })}</CardDescription>
          </div>
          <Select
            aria-label={t('orders.filter')}
            value={status}
            onValueChange={setStatus}
            options={statusOptions}
            className="sm:w-52"
          />
        </CardHeader>
        <ListView
          list={list}
          loadingLabel={t('orders.loading')}
          pagesLabel={t('orders.pages')}
          empty={{
            icon: ReceiptText,
            title: t('orders.empty.title'),
            description: t('orders.empty.description'),
          }}
          isFiltered={status !== 'all'}
          noMatch={{ icon: ReceiptText, title: t('orders.noMatch.title'), description: t('orders.noMatch.description') }}
        >
          {(orders) => (
            <DataTable
              caption={t('orders.caption')}
              rows={orders}
              columns={[
                {
                  header: t('orders.columns.order'),
                  cell: (order) => (
                    <>
                      <OrderLink orderId={order.id} />
                      <span className="block text-xs text-zinc-600 md:hidden">{formatDateTime(order.createdAt)}</span>
                      {/* On a phone the person and the status move here, so the refund stays on screen. */}
                      <span className="mt-1 block text-sm font-medium text-zinc-900 sm:hidden">{order.userName}</span>
                      <span className="mt-1 block sm:hidden">
                        <OrderStatusBadge status={order.status} uncollectedAt={order.uncollectedAt} />
                      </span>
                    </>
                  ),
                },
                {
                  header: t('orders.columns.person'),
                  cell: (order) => (
                    <>
                      <span className="font-medium text-zinc-900">{order.userName}</span>
                      {order.placedById !== order.userId ? (
                        <span className="block text-xs text-zinc-600">{t('orders.till', { name: order.placedByName })}</span>
                      ) : null}
                    </>
                  ),
                  className: 'hidden sm:table-cell',
                },
                {
                  header: t('orders.columns.date'),
                  cell: (order) => formatDateTime(order.createdAt),
                  className: 'hidden md:table-cell',
                  cellClassName: 'whitespace-nowrap',
                },
                ORDER_COLUMNS.items('lg'),
                ORDER_COLUMNS.total,
                {
                  header: t('orders.columns.status'),
                  cell: (order) => <OrderStatusBadge status={order.status} uncollectedAt={order.uncollectedAt} />,
                  className: 'hidden sm:table-cell',
                },
                {
                  header: t('orders.columns.actions'),
                  isHeaderHidden: true,
                  className: 'text-right',
                  cell: (order) =>
                    isRefundable(order.status) && order.userId !== user?.id ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={t('orders.refundLabel', { number: orderNumber(order.id), name: order.userName })}
                        onClick={() => setRefunding(order)}
                      >
                        <Undo2 aria-hidden />
                        <span className="hidden sm:inline">{t('orders.refund')}</span>
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
