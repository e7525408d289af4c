import type { OrderDto } from '@canteen/shared';
import { Utensils } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TBody, TD, TH, THead, TR, Table } from './table';
import { useCanteenConfig } from '../lib/canteen-config';
import { formatDateTime, orderNumber } from '../lib/format';
import { formatMoney } from '../lib/money';
import { formatPickup } from '../lib/pickup';
import { cn } from '../lib/utils';
import { OrderStatusBadge } from './order-status-badge';

/**
 * The head of a printed page (receipt, statement): the canteen's name and, when one is configured, its address
 * (`config.get`). Hidden on screen, where the app's own header says where you are; `children` go on the right.
 */
export const Letterhead = ({ className, children }: { className?: string; children?: ReactNode }) => {
  const { name, address } = useCanteenConfig();
  return (
    <div
      data-testid="letterhead"
      className={cn('hidden items-start justify-between gap-6 border-b border-zinc-300 pb-3 print:flex', className)}
    >
      <div className="flex items-start gap-3">
        <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-emerald-700 text-white [print-color-adjust:exact]">
          <Utensils aria-hidden className="size-4" />
        </span>
        <div className="grid gap-0.5">
          <p className="text-base font-semibold text-zinc-900">{name}</p>
          {address ? <p className="text-xs whitespace-pre-line text-zinc-600">{address}</p> : null}
        </div>
      </div>
      {children ? <div className="shrink-0 text-right text-xs text-zinc-600">{children}</div> : null}
    </div>
  );
};

type ReceiptOrder = OrderDto;

/**
 * What was bought, for how much, and which payers paid it: the same on screen and on paper. On paper it fills the
 * page's width under the canteen's letterhead and always shows the unit price (a phone leaves it out).
 */
export const Receipt = ({ order }: { order: ReceiptOrder }) => {
  const { t } = useTranslation('common');
  const { t: tOrders } = useTranslation('orders');
  const { timeZone } = useCanteenConfig();
  const isTill = order.placedById !== order.userId;
  return (
    <article aria-labelledby={`receipt-${order.id}`} className="grid gap-5">
      <Letterhead />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <h2 id={`receipt-${order.id}`} className="text-lg font-semibold text-zinc-900">
            {t('receipt.title', { number: orderNumber(order.id) })}
          </h2>
          <p className="text-sm text-zinc-600">
            {isTill
              ? t('receipt.forPersonAtTill', {
                  date: formatDateTime(order.createdAt),
                  name: order.userName,
                  staff: order.placedByName,
                })
              : t('receipt.forPerson', { date: formatDateTime(order.createdAt), name: order.userName })}
          </p>
          <p className="text-sm font-medium text-zinc-900" data-testid="order-pickup">
            {t('receipt.pickup', { pickup: formatPickup(order.pickupDay, order.pickupAt, timeZone) })}
          </p>
          {order.refundedAt ? (
            <p className="text-sm text-amber-800">{t('receipt.refundedAt', { date: formatDateTime(order.refundedAt) })}</p>
          ) : null}
          {order.refundedAt && order.refundReason ? (
            <p className="text-sm wrap-anywhere text-amber-800">
              {tOrders('receipt.refundReason', { reason: order.refundReason })}
            </p>
          ) : null}
        </div>
        <OrderStatusBadge status={order.status} uncollectedAt={order.uncollectedAt} />
      </header>
      <Table>
        <caption className="sr-only">{t('receipt.items')}</caption>
        <THead>
          <tr>
            <TH>{t('receipt.dish')}</TH>
            <TH className="text-right">{t('receipt.quantity')}</TH>
            <TH className="hidden text-right sm:table-cell print:table-cell">{t('receipt.price')}</TH>
            <TH className="text-right">{t('receipt.amount')}</TH>
          </tr>
        </THead>
        <TBody>
          {order.lines.map((line, index) => (
            // One dish may be on several lines (other options, another note).
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines never reorder
            <TR key={`${line.productId}-${index}`}>
              <TD className="wrap-anywhere">
                <span className="font-medium text-zinc-900">{line.productName}</span>
                {line.options.length ? (
                  <span className="block text-xs text-zinc-600" data-testid="receipt-line-options">
                    {line.options
                      .map((option) =>
                        option.priceDeltaCents > 0
                          ? `${option.groupName}: ${option.name} (+${formatMoney(option.priceDeltaCents)})`
                          : `${option.groupName}: ${option.name}`,
                      )
                      .join(' · ')}
                  </span>
                ) : null}
                {line.note ? <span className="block text-xs text-zinc-600 italic">“{line.note}”</span> : null}
              </TD>
              <TD className="text-right tabular-nums">{line.quantity}</TD>
              <TD className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell print:table-cell">
                {formatMoney(line.unitPriceCents)}
              </TD>
              <TD className="text-right whitespace-nowrap tabular-nums">{formatMoney(line.lineTotalCents)}</TD>
            </TR>
          ))}
        </TBody>
        <tfoot className="border-t-2 border-zinc-200">
          <tr>
            <th scope="row" colSpan={2} className="px-5 py-3 text-left font-semibold text-zinc-900 sm:hidden print:hidden">
              {t('receipt.total')}
            </th>
            <th
              scope="row"
              colSpan={3}
              className="hidden px-6 py-3 text-left font-semibold text-zinc-900 sm:table-cell print:table-cell"
            >
              {t('receipt.total')}
            </th>
            <td
              data-testid="order-total"
              className="px-5 py-3 text-right text-base font-semibold whitespace-nowrap text-zinc-900 tabular-nums sm:px-6"
            >
              {formatMoney(order.totalCents)}
            </td>
          </tr>
        </tfoot>
      </Table>
      <section aria-labelledby={`paid-by-${order.id}`} className="grid gap-2 print:break-inside-avoid">
        <h3 id={`paid-by-${order.id}`} className="text-sm font-semibold text-zinc-900">
          {order.status === 'refunded' ? t('receipt.paidByRefunded') : t('receipt.paidBy')}
        </h3>
        {order.breakdown.length ? (
          <dl className="grid gap-1.5 rounded-lg border border-zinc-200 p-3 sm:max-w-md">
            {order.breakdown.map((part) => (
              <div key={part.payerId} className="flex justify-between gap-4 text-sm">
                <dt className="text-zinc-700">{part.payerName}</dt>
                <dd className="font-medium whitespace-nowrap text-zinc-900 tabular-nums">{formatMoney(-part.amountCents)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-zinc-600">{t('receipt.nothingCharged')}</p>
        )}
      </section>
    </article>
  );
};
