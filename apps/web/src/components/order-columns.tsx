import type { OrderSummaryDto } from '@canteen/shared';
import { Link } from '@tanstack/react-router';
import { orderNumber } from '../lib/format';
import { i18next } from '../lib/i18n';
import { formatMoney } from '../lib/money';
import type { Column } from './data-table';

/** "#1A2B3C4D", linking to the order's receipt. */
export const OrderLink = ({ orderId }: { orderId: string }) => (
  <Link
    to="/orders/$orderId"
    params={{ orderId }}
    className="font-medium whitespace-nowrap text-emerald-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-600"
  >
    #{orderNumber(orderId)}
  </Link>
);

/** Columns that a person's Orders and a manager's Sales show alike; each header is read in the language shown. */
export const ORDER_COLUMNS = {
  /** Shown from `sm` up on Orders; Sales has more columns and shows it from `lg`. */
  items: (shownFrom: 'sm' | 'lg'): Column<OrderSummaryDto> => ({
    get header() {
      return i18next.t('common:columns.items');
    },
    cell: (order) => order.itemCount,
    className: shownFrom === 'sm' ? 'hidden text-right sm:table-cell' : 'hidden text-right lg:table-cell',
    cellClassName: 'tabular-nums',
  }),
  total: {
    get header() {
      return i18next.t('common:columns.total');
    },
    cell: (order) => formatMoney(order.totalCents),
    className: 'text-right',
    cellClassName: 'font-medium whitespace-nowrap text-zinc-900 tabular-nums',
  } satisfies Column<OrderSummaryDto>,
};
