import type { RouterInputs, RouterOutputs } from '@canteen/api/trpc';
import { PAYER_KINDS, type PayerKind } from '@canteen/shared/constants';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ChartColumn, HandCoins, Tags, UtensilsCrossed } from 'lucide-react';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
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
const REVENUE_BY = ['day', 'week'] as const satisfies readonly RevenueBy[];

/** A payer's kind in words is `funding.kinds.<kind>`; one the web app does not know shows as the API names it. */
const isPayerKind = (kind: string): kind is PayerKind => (PAYER_KINDS as readonly string[]).includes(kind);

const amountColumn = <T,>(header: string, cents: (row: T) => number): Column<T> => ({
  header,
  cell: (row) => formatMoney(cents(row)),
  className: 'text-right',
  cellClassName: 'font-medium whitespace-nowrap text-zinc-900 tabular-nums',
});

const countColumn = <T,>(header: string, count: (row: T) => number, className = ''): Column<T> => ({
  header,
  cell: (row) => formatNumber(count(row)),
  className: cn('text-right', className),
  cellClassName: 'tabular-nums',
});

const shareColumn = <T,>(header: string, part: (row: T) => number, total: number): Column<T> => ({
  header,
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
  const { t } = useTranslation('report');
  const revenue = useRevenue(input);
  if (revenue.isError) return <Alert>{errorMessage(revenue.error)}</Alert>;
  const tiles = [
    {
      label: t('totals.revenue'),
      loadingLabel: t('totals.loadingRevenue'),
      testId: 'report-revenue',
      value: revenue.data && formatMoney(revenue.data.totalCents),
    },
    {
      label: t('totals.orders'),
      loadingLabel: t('totals.loadingOrders'),
      testId: 'report-orders',
      value: revenue.data ? formatNumber(revenue.data.orders) : undefined,
    },
    {
      label: t('totals.averageBasket'),
      loadingLabel: t('totals.loadingAverageBasket'),
      testId: 'report-average',
      value: revenue.data && formatMoney(revenue.data.averageBasketCents),
    },
  ];
  return (
    <section aria-label={t('totals.label')} aria-busy={revenue.isFetching || undefined}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {tiles.map((tile, index) => (
          <div
            key={tile.testId}
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
              {tile.value ?? <Spinner label={tile.loadingLabel} />}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
};

const RevenueCard = ({ filters, input }: SectionProps) => {
  const { t } = useTranslation('report');
  const query = useRevenue(input);
  const isWeekly = filters.by === 'week';
  const byOptions = REVENUE_BY.map((by) => ({ value: by, label: t(`revenue.by.${by}`) }));
  return (
    <ReportCard
      id="revenue-title"
      title={t('revenue.title')}
      description={t(`revenue.description.${filters.by}`)}
      actions={
        <>
          <SegmentedControl aria-label={t('revenue.per')} value={filters.by} onValueChange={filters.setBy} options={byOptions} />
          <DownloadCsvButton
            download={filters.csv(isWeekly ? 'revenue-weekly' : 'revenue')}
            what={t(`revenue.csv.${filters.by}`)}
          />
        </>
      }
      query={query}
      loadingLabel={t('revenue.loading')}
      isEmpty={(report) => report.orders === 0}
      empty={{
        icon: ChartColumn,
        title: t('revenue.empty.title'),
        description: t('revenue.empty.description'),
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
  const { t } = useTranslation('report');
  const withOrders = points.filter((point) => point.orders > 0);
  return (
    <figure className="px-3 py-4 sm:px-5">
      <Suspense fallback={<PageSpinner label={t('revenue.loadingChart')} />}>
        <RevenueChart points={points} by={by} />
      </Suspense>
      <table className="sr-only">
        <caption>{t(`revenue.caption.${by}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`revenue.unit.${by}`)}</th>
            <th scope="col">{t('revenue.orders')}</th>
            <th scope="col">{t('revenue.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {withOrders.map((point) => (
            <tr key={point.start}>
              <th scope="row">{formatDay(point.start)}</th>
              <td>{formatNumber(point.orders)}</td>
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
  const { t } = useTranslation('report');
  const query = useQuery({
    ...trpc.report.topDishes.queryOptions({ ...input, limit: TOP_DISHES }),
    placeholderData: keepPreviousData,
  });
  return (
    <ReportCard
      id="top-dishes-title"
      title={t('topDishes.title')}
      description={t('topDishes.description', { limit: formatNumber(TOP_DISHES) })}
      actions={<DownloadCsvButton download={filters.csv('top-dishes', { limit: TOP_DISHES })} what={t('topDishes.csv')} />}
      query={query}
      loadingLabel={t('topDishes.loading')}
      isEmpty={(dishes) => dishes.length === 0}
      empty={{ icon: UtensilsCrossed, title: t('topDishes.empty') }}
    >
      {(dishes) => {
        const most = Math.max(...dishes.map((dish) => dish.quantity));
        const columns: Column<Dish>[] = [
          {
            header: t('topDishes.dish'),
            cell: (dish) => (
              <div className="min-w-32">
                <span className="font-medium text-zinc-900">{dish.productName}</span>
                <span className="block text-xs text-zinc-600 @xl:hidden">{dish.categoryName}</span>
                <ShareBar value={dish.quantity} max={most} />
              </div>
            ),
          },
          { header: t('topDishes.category'), cell: (dish) => dish.categoryName, className: 'hidden @xl:table-cell' },
          countColumn(t('topDishes.sold'), (dish) => dish.quantity),
          amountColumn(t('topDishes.revenue'), (dish) => dish.revenueCents),
        ];
        return (
          <DataTable
            caption={t('topDishes.title')}
            rows={dishes.map((dish) => ({ ...dish, id: dish.productId }))}
            columns={columns}
          />
        );
      }}
    </ReportCard>
  );
};

type CategorySales = Reports['salesByCategory'][number] & { id: string };

const CategoriesCard = ({ filters, input }: SectionProps) => {
  const { t } = useTranslation('report');
  const query = useQuery({ ...trpc.report.salesByCategory.queryOptions(input), placeholderData: keepPreviousData });
  return (
    <ReportCard
      id="categories-title"
      title={t('categories.title')}
      description={t('categories.description')}
      actions={<DownloadCsvButton download={filters.csv('sales-by-category')} what={t('categories.csv')} />}
      query={query}
      loadingLabel={t('categories.loading')}
      isEmpty={(categories) => categories.length === 0}
      empty={{ icon: Tags, title: t('categories.empty') }}
    >
      {(categories) => {
        const total = categories.reduce((sum, category) => sum + category.revenueCents, 0);
        const most = Math.max(...categories.map((category) => category.revenueCents));
        const columns: Column<CategorySales>[] = [
          {
            header: t('categories.category'),
            cell: (category) => (
              <div className="min-w-28">
                <span className="font-medium text-zinc-900">{category.categoryName}</span>
                <ShareBar value={category.revenueCents} max={most} />
              </div>
            ),
          },
          countColumn(t('categories.sold'), (category) => category.quantity, 'hidden @sm:table-cell'),
          amountColumn(t('categories.revenue'), (category) => category.revenueCents),
          shareColumn(t('share'), (category) => category.revenueCents, total),
        ];
        return (
          <DataTable
            caption={t('categories.title')}
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
  const { t } = useTranslation('report');
  const query = useQuery({ ...trpc.report.spendByDepartment.queryOptions(input), placeholderData: keepPreviousData });
  return (
    <ReportCard
      id="departments-title"
      title={t('departments.title')}
      description={t('departments.description')}
      actions={<DownloadCsvButton download={filters.csv('spend-by-department')} what={t('departments.csv')} />}
      query={query}
      loadingLabel={t('departments.loading')}
      isEmpty={(departments) => departments.length === 0}
      empty={{ icon: Building2, title: t('departments.empty') }}
    >
      {(departments) => {
        const total = departments.reduce((sum, department) => sum + department.revenueCents, 0);
        const most = Math.max(...departments.map((department) => department.revenueCents));
        const columns: Column<DepartmentSpend>[] = [
          {
            header: t('departments.department'),
            cell: (department) => (
              <div className="min-w-28">
                <span className="font-medium text-zinc-900">{department.departmentName}</span>
                <ShareBar value={department.revenueCents} max={most} />
              </div>
            ),
          },
          countColumn(t('departments.orders'), (department) => department.orders),
          amountColumn(t('departments.spent'), (department) => department.revenueCents),
          {
            ...shareColumn(t('share'), (department: DepartmentSpend) => department.revenueCents, total),
            className: 'hidden text-right @sm:table-cell',
          },
        ];
        return (
          <DataTable
            caption={t('departments.title')}
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
  const { t } = useTranslation('report');
  const query = useQuery({ ...trpc.report.funding.queryOptions(input), placeholderData: keepPreviousData });
  const total = (query.data ?? []).reduce((sum, payer) => sum + payer.fundedCents, 0);
  return (
    <ReportCard
      id="funding-title"
      title={t('funding.title')}
      description={query.data?.length ? t('funding.descriptionTotal', { total: formatMoney(total) }) : t('funding.description')}
      actions={<DownloadCsvButton download={filters.csv('funding')} what={t('funding.csv')} />}
      query={query}
      loadingLabel={t('funding.loading')}
      isEmpty={(payers) => payers.length === 0}
      empty={{ icon: HandCoins, title: t('funding.empty') }}
    >
      {(payers) => {
        const most = Math.max(...payers.map((payer) => payer.fundedCents));
        const columns: Column<Funding>[] = [
          {
            header: t('funding.payer'),
            cell: (payer) => (
              <div className="min-w-32">
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium text-zinc-900">{payer.payerName}</span>
                  <Badge>{isPayerKind(payer.payerKind) ? t(`funding.kinds.${payer.payerKind}`) : payer.payerKind}</Badge>
                </span>
                <ShareBar value={payer.fundedCents} max={most} />
              </div>
            ),
          },
          amountColumn(t('funding.funded'), (payer) => payer.fundedCents),
          shareColumn(t('share'), (payer) => payer.fundedCents, total),
        ];
        return (
          <DataTable
            caption={t('funding.title')}
            rows={payers.map((payer) => ({ ...payer, id: payer.payerId }))}
            columns={columns}
          />
        );
      }}
    </ReportCard>
  );
};
