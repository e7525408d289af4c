import { CalendarRange, ChartColumn, FileText, ReceiptText } from 'lucide-react';
import type { ReactNode } from 'react';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/tabs';
import { REPORT_TABS, type ReportTab, type ReportsSearch } from '../../lib/search-params';
import { useDepartmentName } from './department-field';
import { OrdersPanel } from './orders-panel';
import { Overview } from './overview';
import { PeriodBar } from './period-bar';
import { StatementsPanel } from './statements-panel';
import { type ReportFilters, useReportFilters } from './use-report-filters';

const TAB_LABELS: Record<ReportTab, { label: string; icon: typeof ChartColumn }> = {
  overview: { label: 'Overview', icon: ChartColumn },
  orders: { label: 'Orders', icon: ReceiptText },
  statements: { label: 'Statements', icon: FileText },
};

/**
 * Sales and funding for a period (Overview), the period's orders with refunds (Orders), and monthly statements
 * (Statements): managers for their own department, admins for the company or one department.
 */
export const ReportsPage = ({ search }: { search: ReportsSearch }) => {
  const filters = useReportFilters(search);
  const departmentName = useDepartmentName(filters.departmentId, filters.isAdmin);
  const scope = filters.isAdmin ? (departmentName ?? 'the whole company') : (filters.user?.departmentName ?? 'your department');
  return (
    <>
      <PageHeader title="Reports" description={`Sales, funding and statements of ${scope}.`} />
      <Tabs value={filters.tab} onValueChange={(tab) => filters.setTab(REPORT_TABS.find((item) => item === tab) ?? 'overview')}>
        <div className="mb-6 grid gap-4">
          <TabsList aria-label="Reports">
            {REPORT_TABS.map((tab) => {
              const { label, icon: Icon } = TAB_LABELS[tab];
              return (
                <TabsTrigger key={tab} value={tab}>
                  <Icon aria-hidden className="size-4" />
                  {label}
                </TabsTrigger>
              );
            })}
          </TabsList>
          {filters.tab === 'statements' ? null : <PeriodBar filters={filters} />}
        </div>
        <TabsContent value="overview">
          <ForValidPeriod filters={filters}>{(input) => <Overview filters={filters} input={input} />}</ForValidPeriod>
        </TabsContent>
        <TabsContent value="orders">
          <ForValidPeriod filters={filters}>{(input) => <OrdersPanel filters={filters} input={input} />}</ForValidPeriod>
        </TabsContent>
        <TabsContent value="statements">
          <StatementsPanel filters={filters} />
        </TabsContent>
      </Tabs>
    </>
  );
};

type ForValidPeriodProps = {
  filters: ReportFilters;
  children: (input: NonNullable<ReportFilters['input']>) => ReactNode;
};

/** The reports need a period the API accepts; until the custom days are one, say what to fix. */
const ForValidPeriod = ({ filters, children }: ForValidPeriodProps) =>
  filters.input ? (
    children(filters.input)
  ) : (
    <Card>
      <EmptyState icon={CalendarRange} title="Choose another period" description={filters.problem} />
    </Card>
  );
