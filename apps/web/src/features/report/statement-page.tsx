import type { RouterOutputs } from '@canteen/api/trpc';
import { type UseQueryResult, skipToken, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ArrowLeft, FileText, Printer, UserRoundSearch } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { EmployeePicker } from '../../components/employee-picker';
import { EmptyState } from '../../components/empty-state';
import { Logo } from '../../components/logo';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { errorCode, errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { formatMoney, formatSignedMoney } from '../../lib/money';
import { formatDays, formatMonth, monthDays, monthOf } from '../../lib/report-period';
import { trpc } from '../../lib/trpc';
import { MonthSelect } from './month-select';

type Statement = RouterOutputs['report']['statement'];
type Amounts = Pick<
  Statement['byPayer'][number],
  'openingCents' | 'creditsCents' | 'spendsCents' | 'refundsCents' | 'closingCents'
>;

/** The statement's columns: balances as they stand, movements with their sign. */
const AMOUNTS: { key: keyof Amounts; label: string; format: (cents: number) => string }[] = [
  { key: 'openingCents', label: 'Opening', format: formatMoney },
  { key: 'creditsCents', label: 'Credits', format: formatSignedMoney },
  { key: 'spendsCents', label: 'Spends', format: formatSignedMoney },
  { key: 'refundsCents', label: 'Refunds', format: formatSignedMoney },
  { key: 'closingCents', label: 'Closing', format: formatMoney },
];

const totalsOf = (statement: Statement): Amounts => {
  const sum = (key: keyof Amounts) => statement.byPayer.reduce((total, line) => total + line[key], 0);
  return {
    openingCents: statement.openingCents,
    creditsCents: sum('creditsCents'),
    spendsCents: sum('spendsCents'),
    refundsCents: sum('refundsCents'),
    closingCents: statement.closingCents,
  };
};

type StatementPageProps = { userId: string | undefined; month: string | undefined };

/**
 * One person's month per payer, to read on screen or print on A4 for payroll (`/reports/statement?userId&month`):
 * printed, the app's navigation and buttons drop out and the canteen's name heads the page.
 */
export const StatementPage = ({ userId, month: requestedMonth }: StatementPageProps) => {
  const navigate = useNavigate();
  const [now] = useState(() => new Date());
  const month = requestedMonth ?? monthOf(now);
  const query = useQuery(trpc.report.statement.queryOptions(userId ? { userId, month } : skipToken));
  const show = (next: { userId?: string; month?: string }) =>
    void navigate({ to: '/reports/statement', search: { userId, month, ...next } });
  return (
    <>
      <div data-testid="letterhead" className="mb-6 hidden items-center justify-between border-b border-zinc-300 pb-3 print:flex">
        <Logo className="[print-color-adjust:exact]" />
        <span className="text-xs text-zinc-600">Printed {formatDate(now.toISOString())}</span>
      </div>
      <PageHeader
        title="Monthly statement"
        description="What came into one person's wallet in a month and what went out, per payer."
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <Button asChild variant="secondary">
              <Link to="/reports" search={{ tab: 'statements', month }}>
                <ArrowLeft aria-hidden />
                Back to reports
              </Link>
            </Button>
            <Button onClick={() => window.print()} disabled={!query.data}>
              <Printer aria-hidden />
              Print
            </Button>
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-start gap-3 print:hidden">
        <MonthSelect value={month} onChange={(next) => show({ month: next })} now={now} className="w-full sm:w-56" />
        {userId ? null : (
          <div className="w-full sm:w-96">
            <EmployeePicker
              label="Whose statement"
              value={null}
              onChange={(person) => person && show({ userId: person.id })}
              purpose="read"
            />
          </div>
        )}
      </div>
      {userId ? (
        <StatementCard query={query} month={month} />
      ) : (
        <Card>
          <EmptyState icon={UserRoundSearch} title="Choose a person" description="Pick whose statement to show for this month." />
        </Card>
      )}
    </>
  );
};

const StatementCard = ({ query, month }: { query: UseQueryResult<Statement, unknown>; month: string }) => {
  if (query.isPending) return <PageSpinner label="Loading the statement" />;
  if (query.isError) {
    return errorCode(query.error) === 'NOT_FOUND' ? (
      <Card>
        <EmptyState
          icon={FileText}
          title="Statement not available"
          description="This person does not exist, or their wallet is not yours to read."
        />
      </Card>
    ) : (
      <Alert>{errorMessage(query.error)}</Alert>
    );
  }
  const statement = query.data;
  const totals = totalsOf(statement);
  return (
    <Card aria-labelledby="statement-title" className="print:shadow-none">
      <CardHeader>
        <CardTitle id="statement-title">{statement.userName}</CardTitle>
        <CardDescription>
          {formatMonth(month)}, {formatDays(monthDays(month))} (UTC): from {formatMoney(statement.openingCents)} to{' '}
          {formatMoney(statement.closingCents)}.
        </CardDescription>
      </CardHeader>
      {statement.byPayer.length === 0 ? (
        <EmptyState
          icon={FileText}
          title="No money moved"
          description="Nothing was credited or spent up to the end of this month."
        />
      ) : (
        <>
          <StatementTable lines={statement.byPayer} totals={totals} />
          <StatementList lines={statement.byPayer} totals={totals} />
        </>
      )}
    </Card>
  );
};

type LinesProps = { lines: Statement['byPayer']; totals: Amounts };

const rowHeader = 'px-4 py-3 text-left font-medium text-zinc-900 first:pl-5 sm:first:pl-6';

/** From a tablet up, and on paper: one row per payer, the totals underneath. */
const StatementTable = ({ lines, totals }: LinesProps) => (
  <div className="hidden sm:block print:block">
    <Table>
      <caption className="sr-only">Statement per payer</caption>
      <THead>
        <tr>
          <TH>Payer</TH>
          {AMOUNTS.map((amount) => (
            <TH key={amount.key} className="text-right">
              {amount.label}
            </TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {lines.map((line) => (
          <TR key={line.payerId}>
            <th scope="row" className={rowHeader}>
              {line.payerName}
            </th>
            {AMOUNTS.map((amount) => (
              <TD key={amount.key} className="text-right whitespace-nowrap tabular-nums">
                {amount.format(line[amount.key])}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
      <tfoot className="border-t-2 border-zinc-200">
        <tr>
          <th scope="row" className={rowHeader}>
            Total
          </th>
          {AMOUNTS.map((amount) => (
            <TD key={amount.key} className="text-right font-semibold whitespace-nowrap text-zinc-900 tabular-nums">
              {amount.format(totals[amount.key])}
            </TD>
          ))}
        </tr>
      </tfoot>
    </Table>
  </div>
);

/** On a phone: one block per payer, its five amounts in two columns, then the totals. */
const StatementList = ({ lines, totals }: LinesProps) => (
  <ul aria-label="Statement per payer" className="divide-y divide-zinc-100 sm:hidden print:hidden">
    {[
      ...lines.map((line) => ({ id: line.payerId, name: line.payerName, amounts: line as Amounts })),
      { id: 'total', name: 'Total', amounts: totals },
    ].map((row) => (
      <li key={row.id} className="grid gap-2 px-5 py-4">
        <p className="font-medium text-zinc-900">{row.name}</p>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {AMOUNTS.map((amount) => (
            <div key={amount.key} className="flex items-baseline justify-between gap-2">
              <dt className="text-zinc-600">{amount.label}</dt>
              <dd className="font-medium text-zinc-900 tabular-nums">{amount.format(row.amounts[amount.key])}</dd>
            </div>
          ))}
        </dl>
      </li>
    ))}
  </ul>
);
