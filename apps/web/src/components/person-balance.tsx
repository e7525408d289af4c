import type { BalanceDto } from '@canteen/shared';
import { formatMoney } from '../lib/money';

type PersonBalanceProps = { label: string; balance: BalanceDto | undefined; testId: string };

/** "Wallet balance: €12.50" under the picked person ("…" while it loads). */
export const PersonBalance = ({ label, balance, testId }: PersonBalanceProps) => (
  <p className="text-sm text-zinc-700">
    {label}:{' '}
    <span data-testid={testId} className="font-semibold text-zinc-900 tabular-nums">
      {balance ? formatMoney(balance.totalCents) : '…'}
    </span>
  </p>
);
