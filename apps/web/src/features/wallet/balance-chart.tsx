import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { asDay, dayFormat } from '../../lib/format';
import { formatMoney, formatWholeMoney } from '../../lib/money';

type Point = { date: string; balanceCents: number };

/** The wallet balance at the end of each day; recharts is only ever loaded with the wallet page. */
export const BalanceChart = ({ points }: { points: Point[] }) => {
  const { t } = useTranslation('wallet');
  const data = points.map((point) => ({ date: point.date, balance: point.balanceCents / 100 }));
  return (
    <div aria-hidden className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <defs>
            <linearGradient id="balance-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--color-emerald-700)" stopOpacity={0.25} />
              <stop offset="100%" stopColor="var(--color-emerald-700)" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--color-zinc-200)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={(day: string) => dayFormat('short').format(asDay(day))}
            tick={{ fill: 'var(--color-zinc-600)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--color-zinc-300)' }}
            minTickGap={32}
          />
          <YAxis
            tickFormatter={(euros: number) => formatWholeMoney(euros * 100)}
            tick={{ fill: 'var(--color-zinc-600)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={64}
          />
          <Tooltip
            separator=": "
            formatter={(value) => [formatMoney(Math.round(Number(value) * 100)), t('chart.tooltip')]}
            labelFormatter={(day) => (typeof day === 'string' ? dayFormat('medium').format(asDay(day)) : '')}
            contentStyle={{
              borderRadius: 8,
              borderColor: 'var(--color-zinc-200)',
              background: 'var(--color-white)',
              color: 'var(--color-zinc-900)',
              fontSize: 13,
            }}
          />
          <Area
            type="stepAfter"
            dataKey="balance"
            stroke="var(--color-emerald-700)"
            strokeWidth={2}
            fill="url(#balance-fill)"
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
};
