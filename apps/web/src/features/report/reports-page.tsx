import { CalendarRange, ChartColumn, FileText, ReceiptText } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Each tab's icon; its name is `tabs.<tab>`. */
const TAB_ICONS: Record<ReportTab, typeof ChartColumn> = {
  overview: ChartColumn,
  orders: ReceiptText,
  statements: FileText,
};

/**
 * Sales and funding for a period (Overview), the period's orders with refunds (Orders), and monthly statements
 * (Statements): managers for their own department, admins for the company or one department.
 */
export const ReportsPage = ({ search }: { search: ReportsSearch }) => {
  const { t } = useTranslation('report');
  const filters = useReportFilters(search);
  const departmentName = useDepartmentName(filters.departmentId, filters.isAdmin);
  const scope = filters.isAdmin ? (departmentName ?? t('wholeCompany')) : (filters.user?.departmentName ?? t('yourDepartment'));
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { scope })} />
      <Tabs value={filters.tab} onValueChange={(tab) => filters.setTab(REPORT_TABS.find((item) => item === tab) ?? 'overview')}>
        <div className="mb-6 grid gap-4">
          <TabsList aria-label={t('tabs.label')}>
            {REPORT_TABS.map((tab) => {
              const Icon = TAB_ICONS[tab];
              return (
                <TabsTrigger key={tab} value={tab}>
                  <Icon aria-hidden className="size-4" />
                  {t(`tabs.${tab}`)}
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
const ForValidPeriod = ({ filters, children }: ForValidPeriodProps) => {
  const { t } = useTranslation('report');
  return filters.input ? (
    children(filters.input)
  ) : (
    <Card>
      <EmptyState icon={CalendarRange} title={t('period.chooseAnother')} description={filters.problem} />
    </Card>
  );
};
