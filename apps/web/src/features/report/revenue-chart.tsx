import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../lib/format';
import { formatMoney, formatWholeMoney } from '../../lib/money';
import { type RevenuePoint, formatDay, formatShortDay } from '../../lib/report-period';
import type { RevenueBy } from './use-report-filters';

const periodLabel = (start: unknown, by: RevenueBy, t: TFunction<'report'>): string =>
  typeof start === 'string' ? (by === 'week' ? t('revenue.weekOf', { day: formatDay(start) }) : formatDay(start)) : '';

/**
 * Revenue per day or week as bars, amounts kept in cents (the axis rounds to whole euros). Loaded on demand with
 * recharts; hidden from assistive technology, which reads the table beside it instead.
 */
export const RevenueChart = ({ points, by }: { points: RevenuePoint[]; by: RevenueBy }) => {
  const { t } = useTranslation('report');
  return (
    <div aria-hidden data-testid="revenue-chart" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--color-zinc-200)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={(start: string) => formatShortDay(start)}
            tick={{ fill: 'var(--color-zinc-600)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--color-zinc-300)' }}
            minTickGap={24}
          />
          <YAxis
            tickFormatter={(cents: number) => formatWholeMoney(cents)}
            tick={{ fill: 'var(--color-zinc-600)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
            width={64}
          />
          <Tooltip
            separator=": "
            cursor={{ fill: 'var(--color-zinc-100)' }}
            formatter={(value, _name, item) => {
              const orders = (item.payload as RevenuePoint | undefined)?.orders ?? 0;
              return [
                t('revenue.tooltip', { count: orders, amount: formatMoney(Number(value)), orders: formatNumber(orders) }),
                t('revenue.revenue'),
              ];
            }}
            labelFormatter={(start) => periodLabel(start, by, t)}
            contentStyle={{
              borderRadius: 8,
              borderColor: 'var(--color-zinc-200)',
              background: 'var(--color-white)',
              color: 'var(--color-zinc-900)',
              fontSize: 13,
            }}
          />
          <Bar
            dataKey="revenueCents"
            fill="var(--color-emerald-700)"
            radius={[3, 3, 0, 0]}
            maxBarSize={40}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
