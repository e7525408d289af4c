import type { BalanceDto } from '@canteen/shared';
import { formatMoney } from '../lib/money';

/** A payer's part of the total, in percent, for the bar under it. */
const share = (cents: number, totalCents: number): number =>
  totalCents > 0 ? Math.max(0, Math.min(100, (cents / totalCents) * 100)) : 0;

/** A wallet's balance per payer, each with a bar for its part of the total. */
export const PayerShares = ({ balance }: { balance: BalanceDto }) => (
  <ul className="grid gap-3 px-5 py-4 sm:px-6">
    {balance.byPayer.map((payer) => (
      <li key={payer.payerId} className="grid gap-1.5">
        <div className="flex items-baseline justify-between gap-4 text-sm">
          <span className="text-zinc-700">{payer.payerName}</span>
          <span className="font-semibold text-zinc-900 tabular-nums">{formatMoney(payer.amountCents)}</span>
        </div>
        <div aria-hidden className="h-1.5 overflow-hidden rounded-full bg-zinc-100">
          <div
            className="h-full rounded-full bg-emerald-600"
            style={{ width: `${share(payer.amountCents, balance.totalCents)}%` }}
          />
        </div>
      </li>
    ))}
  </ul>
);
