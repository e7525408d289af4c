import type { RouterOutputs } from '@canteen/api/trpc';
import { type UseQueryResult, skipToken, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ArrowLeft, FileText, Printer, UserRoundSearch } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { EmployeePicker } from '../../components/employee-picker';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { Letterhead } from '../../components/receipt';
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

/** The statement's columns (named `statement.amounts.<name>`): balances as they stand, movements with their sign. */
const AMOUNTS: {
  key: keyof Amounts;
  name: 'opening' | 'credits' | 'spends' | 'refunds' | 'closing';
  format: (cents: number) => string;
}[] = [
  { key: 'openingCents', name: 'opening', format: formatMoney },
  { key: 'creditsCents', name: 'credits', format: formatSignedMoney },
  { key: 'spendsCents', name: 'spends', format: formatSignedMoney },
  { key: 'refundsCents', name: 'refunds', format: formatSignedMoney },
  { key: 'closingCents', name: 'closing', format: formatMoney },
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
 * printed, the app's navigation and buttons drop out and the canteen's name and address head the page.
 */
export const StatementPage = ({ userId, month: requestedMonth }: StatementPageProps) => {
  const { t } = useTranslation('report');
  const navigate = useNavigate();
  const [now] = useState(() => new Date());
  const month = requestedMonth ?? monthOf(now);
  const query = useQuery(trpc.report.statement.queryOptions(userId ? { userId, month } : skipToken));
  const show = (next: { userId?: string; month?: string }) =>
    void navigate({ to: '/reports/statement', search: { userId, month, ...next } });
  return (
    <>
      <Letterhead className="mb-6">{t('statement.printed', { date: formatDate(now.toISOString()) })}</Letterhead>
      <PageHeader
        title={t('statement.title')}
        description={t('statement.description')}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <Button asChild variant="secondary">
              <Link to="/reports" search={{ tab: 'statements', month }}>
                <ArrowLeft aria-hidden />
                {t('statement.back')}
              </Link>
            </Button>
            <Button onClick={() => window.print()} disabled={!query.data}>
              <Printer aria-hidden />
              {t('statement.print')}
            </Button>
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-start gap-3 print:hidden">
        <MonthSelect value={month} onChange={(next) => show({ month: next })} now={now} className="w-full sm:w-56" />
        {userId ? null : (
          <div className="w-full sm:w-96">
            <EmployeePicker
              label={t('statement.whose')}
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
          <EmptyState
            icon={UserRoundSearch}
            title={t('statement.choose.title')}
            description={t('statement.choose.description')}
          />
        </Card>
      )}
    </>
  );
};

const StatementCard = ({ query, month }: { query: UseQueryResult<Statement, unknown>; month: string }) => {
  const { t } = useTranslation('report');
  if (query.isPending) return <PageSpinner label={t('statement.loading')} />;
  if (query.isError) {
    return errorCode(query.error) === 'NOT_FOUND' ? (
      <Card>
        <EmptyState icon={FileText} title={t('statement.notFound.title')} description={t('statement.notFound.description')} />
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
          {t('statement.summary', {
            month: formatMonth(month),
            days: formatDays(monthDays(month)),
            opening: formatMoney(statement.openingCents),
            closing: formatMoney(statement.closingCents),
          })}
        </CardDescription>
      </CardHeader>
      {statement.byPayer.length === 0 ? (
        <EmptyState icon={FileText} title={t('statement.noMoney.title')} description={t('statement.noMoney.description')} />
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
const StatementTable = ({ lines, totals }: LinesProps) => {
  const { t } = useTranslation('report');
  return (
    <div className="hidden sm:block print:block">
      <Table>
        <caption className="sr-only">{t('statement.perPayer')}</caption>
        <THead>
          <tr>
            <TH>{t('statement.payer')}</TH>
            {AMOUNTS.map((amount) => (
              <TH key={amount.key} className="text-right">
                {t(`statement.amounts.${amount.name}`)}
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
              {t('statement.total')}
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
};

/** On a phone: one block per payer, its five amounts in two columns, then the totals. */
const StatementList = ({ lines, totals }: LinesProps) => {
  const { t } = useTranslation('report');
  return (
    <ul aria-label={t('statement.perPayer')} className="divide-y divide-zinc-100 sm:hidden print:hidden">
      {[
        ...lines.map((line) => ({ id: line.payerId, name: line.payerName, amounts: line as Amounts })),
        { id: 'total', name: t('statement.total'), amounts: totals },
      ].map((row) => (
        <li key={row.id} className="grid gap-2 px-5 py-4">
          <p className="font-medium text-zinc-900">{row.name}</p>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            {AMOUNTS.map((amount) => (
              <div key={amount.key} className="flex items-baseline justify-between gap-2">
                <dt className="text-zinc-600">{t(`statement.amounts.${amount.name}`)}</dt>
                <dd className="font-medium text-zinc-900 tabular-nums">{amount.format(row.amounts[amount.key])}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
};
