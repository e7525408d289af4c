import type { RouterInputs, RouterOutputs } from '@canteen/api/trpc';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ChartColumn, HandCoins, Tags, UtensilsCrossed } from 'lucide-react';
import { Suspense, lazy } from 'react';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { type Column, DataTable } from '../../components/data-table';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { SegmentedControl } from '../../components/segmented-control';
import { PageSpinner, Spinner } from '../../components/spinner';
import { errorMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { type RevenuePoint, dailySeries, formatDay, weeklySeries } from '../../lib/report-period';
import { trpc } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { ReportCard, ShareBar, formatShare } from './report-card';
import type { ReportFilters, RevenueBy } from './use-report-filters';
import { formatNumber } from '../../lib/format';

type ReportInput = RouterInputs['report']['revenue'];
type Reports = RouterOutputs['report'];
type SectionProps = { filters: ReportFilters; input: ReportInput };

// recharts is the page's largest dependency: the totals and tables render while it loads.
const RevenueChart = lazy(() => import('./revenue-chart').then((module) => ({ default: module.RevenueChart })));

const TOP_DISHES = 10;
const BY_OPTIONS = [
  { value: 'day', label: 'Per day' },
  { value: 'week', label: 'Per week' },
] as const satisfies readonly { value: RevenueBy; label: string }[];

const PAYER_KINDS: Record<string, string> = {
  company: 'Company',
  department: 'Department budget',
  personal: 'Personal',
  promo: 'Promotion',
};

const amountColumn = <T,>(header: string, cents: (row: T) => number): Column<T> => ({
  header,
  cell: (row) => formatMoney(cents(row)),
  className: 'text-right',
  cellClassName: 'font-medium whitespace-nowrap text-zinc-900 tabular-nums',
});

const countColumn = <T,>(header: string, count: (row: T) => number, className = ''): Column<T> => ({
  header,
  cell: count,
  className: cn('text-right', className),
  cellClassName: 'tabular-nums',
});

const shareColumn = <T,>(part: (row: T) => number, total: number): Column<T> => ({
  header: 'Share',
  cell: (row) => formatShare(part(row), total),
  className: 'text-right',
  cellClassName: 'tabular-nums text-zinc-600',
});

/** The Overview tab: totals, revenue over time, and what sold, where and who paid for it, for one period. */
export const Overview = (props: SectionProps) => (
  // Side by side once the page, not the window, is wide enough (the navigation takes part of a desktop's width).
  <div className="@container grid gap-6">
    <Totals {...props} />
    <RevenueCard {...props} />
    <div className="grid items-start gap-6 @3xl:grid-cols-2">
      <TopDishesCard {...props} />
      <CategoriesCard {...props} />
    </div>
    <div className="grid items-start gap-6 @3xl:grid-cols-2">
      <DepartmentsCard {...props} />
      <FundingCard {...props} />
    </div>
  </div>
);

const useRevenue = (input: ReportInput) =>
  useQuery({ ...trpc.report.revenue.queryOptions(input), placeholderData: keepPreviousData });

const Totals = ({ input }: SectionProps) => {
  const revenue = useRevenue(input);
  if (revenue.isError) return <Alert>{errorMessage(revenue.error)}</Alert>;
  const tiles = [
    { label: 'Revenue', testId: 'report-revenue', value: revenue.data && formatMoney(revenue.data.totalCents) },
    { label: 'Orders', testId: 'report-orders', value: revenue.data ? formatNumber(revenue.data.orders) : undefined },
    { label: 'Average basket', testId: 'report-average', value: revenue.data && formatMoney(revenue.data.averageBasketCents) },
  ];
  return (
    <section aria-label="Totals" aria-busy={revenue.isFetching || undefined}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {tiles.map((tile, index) => (
          <div
            key={tile.label}
            className={cn(
              'grid gap-1 rounded-xl p-4 shadow-xs',
              index === 0 ? 'col-span-2 bg-emerald-800 text-white sm:col-span-1' : 'border border-zinc-200 bg-white',
            )}
          >
            <dt className={cn('text-sm font-medium', index === 0 ? 'text-emerald-50' : 'text-zinc-600')}>{tile.label}</dt>
            <dd
              data-testid={tile.testId}
              className={cn('text-2xl font-semibold tracking-tight tabular-nums', index === 0 ? 'text-white' : 'text-zinc-900')}
            >
              {tile.value ?? <Spinner label={`Loading ${tile.label.toLowerCase()}`} />}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
};

const RevenueCard = ({ filters, input }: SectionProps) => {
  const query = useRevenue(input);
  const isWeekly = filters.by === 'week';
  return (
    <ReportCard
      id="revenue-title"
      title="Revenue"
      description={`Paid orders per ${isWeekly ? 'week, Monday to Sunday' : 'day'} (UTC); refunded orders are not counted.`}
      actions={
        <>
          <SegmentedControl aria-label="Revenue per" value={filters.by} onValueChange={filters.setBy} options={BY_OPTIONS} />
          <DownloadCsvButton
            download={filters.csv(isWeekly ? 'revenue-weekly' : 'revenue')}
            what={`revenue per ${isWeekly ? 'week' : 'day'}`}
          />
        </>
      }
      query={query}
      loadingLabel="Loading revenue"
      isEmpty={(report) => report.orders === 0}
      empty={{
        icon: ChartColumn,
        title: 'No sales in this period',
        description: 'Paid orders from the menu and the till show up here.',
      }}
    >
      {(report) => (
        <RevenueFigure
          points={isWeekly ? weeklySeries(report.weeks, filters.days) : dailySeries(report.days, filters.days)}
          by={filters.by}
        />
      )}
    </ReportCard>
  );
};

/** The chart, and for screen readers the same numbers as a table of the days (or weeks) that had orders. */
const RevenueFigure = ({ points, by }: { points: RevenuePoint[]; by: RevenueBy }) => {
  const withOrders = points.filter((point) => point.orders > 0);
  const unit = by === 'week' ? 'Week of' : 'Day';
  return (
    <figure className="px-3 py-4 sm:px-5">
      <Suspense fallback={<PageSpinner label="Loading the chart" />}>
        <RevenueChart points={points} by={by} />
      </Suspense>
      <table className="sr-only">
        <caption>
          Revenue per {by}, the {by}s with orders
        </caption>
        <thead>
          <tr>
            <th scope="col">{unit}</th>
            <th scope="col">Orders</th>
            <th scope="col">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {withOrders.map((point) => (
            <tr key={point.start}>
              <th scope="row">{formatDay(point.start)}</th>
              <td>{point.orders}</td>
              <td>{formatMoney(point.revenueCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};

type Dish = Reports['topDishes'][number] & { id: string };

const TopDishesCard = ({ filters, input }: SectionProps) => {
  const query = useQuery({
    ...trpc.report.topDishes.queryOptions({ ...input, limit: TOP_DISHES }),
    placeholderData: keepPreviousData,
  });
  return (
    <ReportCard
      id="top-dishes-title"
      title="Top dishes"
      description={`The ${TOP_DISHES} dishes sold most, by quantity.`}
      actions={<DownloadCsvButton download={filters.csv('top-dishes', { limit: TOP_DISHES })} what="top dishes" />}
      query={query}
      loadingLabel="Loading top dishes"
      isEmpty={(dishes) => dishes.length === 0}
      empty={{ icon: UtensilsCrossed, title: 'Nothing sold in this period' }}
    >
      {(dishes) => {
        const most = Math.max(...dishes.map((dish) => dish.quantity));
        const columns: Column<Dish>[] = [
          {
            header: 'Dish',
            cell: (dish) => (
              <div className="min-w-32">
                <span className="font-medium text-zinc-900">{dish.productName}</span>
                <span className="block text-xs text-zinc-600 @xl:hidden">{dish.categoryName}</span>
                <ShareBar value={dish.quantity} max={most} />
              </div>
            ),
          },
          { header: 'Category', cell: (dish) => dish.categoryName, className: 'hidden @xl:table-cell' },
          countColumn('Sold', (dish) => dish.quantity),
          amountColumn('Revenue', (dish) => dish.revenueCents),
        ];
        return (
          <DataTable caption="Top dishes" rows={dishes.map((dish) => ({ ...dish, id: dish.productId }))} columns={columns} />
        );
      }}
    </ReportCard>
  );
};

type CategorySales = Reports['salesByCategory'][number] & { id: string };

const CategoriesCard = ({ filters, input }: SectionProps) => {
  const query = useQuery({ ...trpc.report.salesByCategory.queryOptions(input), placeholderData: keepPreviousData });
  return (
    <ReportCard
      id="categories-title"
      title="Sales by category"
      description="Dishes sold and revenue per menu category."
      actions={<DownloadCsvButton download={filters.csv('sales-by-category')} what="sales by category" />}
      query={query}
      loadingLabel="Loading sales by category"
      isEmpty={(categories) => categories.length === 0}
      empty={{ icon: Tags, title: 'Nothing sold in this period' }}
    >
      {(categories) => {
        const total = categories.reduce((sum, category) => sum + category.revenueCents, 0);
        const most = Math.max(...categories.map((category) => category.revenueCents));
        const columns: Column<CategorySales>[] = [
          {
            header: 'Category',
            cell: (category) => (
              <div className="min-w-28">
                <span className="font-medium text-zinc-900">{category.categoryName}</span>
                <ShareBar value={category.revenueCents} max={most} />
              </div>
            ),
          },
          countColumn('Sold', (category) => category.quantity, 'hidden @sm:table-cell'),
          amountColumn('Revenue', (category) => category.revenueCents),
          shareColumn((category) => category.revenueCents, total),
        ];
        return (
          <DataTable
            caption="Sales by category"
            rows={categories.map((category) => ({ ...category, id: category.categoryId }))}
            columns={columns}
          />
        );
      }}
    </ReportCard>
  );
};

type DepartmentSpend = Reports['spendByDepartment'][number] & { id: string };

const DepartmentsCard = ({ filters, input }: SectionProps) => {
  const query = useQuery({ ...trpc.report.spendByDepartment.queryOptions(input), placeholderData: keepPreviousData });
  return (
    <ReportCard
      id="departments-title"
      title="Spend by department"
      description="What each department's people ordered."
      actions={<DownloadCsvButton download={filters.csv('spend-by-department')} what="spend by department" />}
      query={query}
      loadingLabel="Loading spend by department"
      isEmpty={(departments) => departments.length === 0}
      empty={{ icon: Building2, title: 'No orders in this period' }}
    >
      {(departments) => {
        const total = departments.reduce((sum, department) => sum + department.revenueCents, 0);
        const most = Math.max(...departments.map((department) => department.revenueCents));
        const columns: Column<DepartmentSpend>[] = [
          {
            header: 'Department',
            cell: (department) => (
              <div className="min-w-28">
                <span className="font-medium text-zinc-900">{department.departmentName}</span>
                <ShareBar value={department.revenueCents} max={most} />
              </div>
            ),
          },
          countColumn('Orders', (department) => department.orders),
          amountColumn('Spent', (department) => department.revenueCents),
          {
            ...shareColumn((department: DepartmentSpend) => department.revenueCents, total),
            className: 'hidden text-right @sm:table-cell',
          },
        ];
        return (
          <DataTable
            caption="Spend by department"
            rows={departments.map((department) => ({ ...department, id: department.departmentId ?? 'none' }))}
            columns={columns}
          />
        );
      }}
    </ReportCard>
  );
};

type Funding = Reports['funding'][number] & { id: string };

const FundingCard = ({ filters, input }: SectionProps) => {
  const query = useQuery({ ...trpc.report.funding.queryOptions(input), placeholderData: keepPreviousData });
  const total = (query.data ?? []).reduce((sum, payer) => sum + payer.fundedCents, 0);
  return (
    <ReportCard
      id="funding-title"
      title="Funding by payer"
      description={
        query.data?.length
          ? `Who paid for what was eaten: ${formatMoney(total)} in total, refunds deducted.`
          : 'Who paid for what was eaten, refunds deducted.'
      }
      actions={<DownloadCsvButton download={filters.csv('funding')} what="funding by payer" />}
      query={query}
      loadingLabel="Loading funding by payer"
      isEmpty={(payers) => payers.length === 0}
      empty={{ icon: HandCoins, title: 'Nothing was paid in this period' }}
    >
      {(payers) => {
        const most = Math.max(...payers.map((payer) => payer.fundedCents));
        const columns: Column<Funding>[] = [
          {
            header: 'Payer',
            cell: (payer) => (
              <div className="min-w-32">
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium text-zinc-900">{payer.payerName}</span>
                  <Badge>{PAYER_KINDS[payer.payerKind] ?? payer.payerKind}</Badge>
                </span>
                <ShareBar value={payer.fundedCents} max={most} />
              </div>
            ),
          },
          amountColumn('Funded', (payer) => payer.fundedCents),
          shareColumn((payer) => payer.fundedCents, total),
        ];
        return (
          <DataTable
            caption="Funding by payer"
            rows={payers.map((payer) => ({ ...payer, id: payer.payerId }))}
            columns={columns}
          />
        );
      }}
    </ReportCard>
  );
};
