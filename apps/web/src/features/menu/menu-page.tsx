import type { ProductDto } from '@canteen/shared';
import { ALLERGENS, type Allergen, DIETARY_TAGS, type DietaryTag, PRODUCT_SORTS } from '@canteen/shared/constants';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ListFilter, SearchX, UtensilsCrossed, X } from 'lucide-react';
import { Alert, ErrorAlert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { CheckboxGroup } from '../../components/checkbox';
import { DayPicker } from '../../components/day-picker';
import { EmptyState } from '../../components/empty-state';
import { SearchInput } from '../../components/search-input';
import { PageHeader } from '../../components/page-header';
import { Popover, PopoverContent, PopoverTrigger } from '../../components/popover';
import { Select } from '../../components/select';
import { Spinner } from '../../components/spinner';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/tabs';
import { useSession } from '../../lib/auth';
import { useCart } from '../../lib/cart-store';
import { type DayOffer, formatPickupDayLong, offerOn } from '../../lib/pickup';
import { trpc } from '../../lib/trpc';
import { useDayPlan, usePickupDays } from '../../lib/use-pickup';
import { bindFilters } from '../../lib/filters';
import type { MenuSearch } from '../../lib/search-params';
import { useCommittedText } from '../../lib/use-committed-text';
import { useLoadMoreList } from '../../lib/use-list';
import { cn } from '../../lib/utils';
import { allergenLabels, dietaryLabels } from '../../lib/product-labels';
import { formatNumber } from '../../lib/format';
import { DishChoiceProvider } from '../../components/dish-options-dialog';
import { ProductCard } from './product-card';
import { useCartDay } from './use-cart-day';
import { useFavourites } from '../../lib/use-favourites';

const PAGE_SIZE = 24;
const ALL = 'all';

type Sort = (typeof PRODUCT_SORTS)[number];
const sortOptions = (t: TFunction<'menu'>, isSearching: boolean) =>
  PRODUCT_SORTS.filter((sort) => isSearching || sort !== 'relevance').map((sort) => ({ value: sort, label: t(`sort.${sort}`) }));

type Filters = { search: string; dietaryTags: DietaryTag[]; freeFrom: Allergen[]; sort: Sort };

/** The address's filters as the page works with them; a search without a chosen sort shows the best match first. */
const filtersOf = (search: MenuSearch): Filters => ({
  search: search.q ?? '',
  dietaryTags: search.diet ?? [],
  freeFrom: search.free ?? [],
  sort: search.sort ?? (search.q ? 'relevance' : 'name'),
});

/**
 * Back to the address: what is empty or the default is left out, so a plain menu is plain `/menu`. `sort` is the
 * sort the person chose, if any: without one, a search shows the best match first and the plain menu is by name.
 */
const searchOf = (filters: Filters, category: string | undefined, sort: Sort | undefined): MenuSearch => {
  const q = filters.search.trim();
  const defaultSort = q ? 'relevance' : 'name';
  return {
    ...(category ? { category } : {}),
    ...(q ? { q } : {}),
    ...(filters.dietaryTags.length ? { diet: filters.dietaryTags } : {}),
    ...(filters.freeFrom.length ? { free: filters.freeFrom } : {}),
    ...(sort && sort !== defaultSort ? { sort } : {}),
  };
};

/** What the list and the counts are asked for. */
const filterInput = (filters: Filters) => ({
  ...(filters.search ? { search: filters.search } : {}),
  ...(filters.dietaryTags.length ? { dietaryTags: filters.dietaryTags } : {}),
  ...(filters.freeFrom.length ? { freeFrom: filters.freeFrom } : {}),
});

/** The day the menu shows, and its published plan's daily dishes (undefined until read). */
type MenuDay = { day: string; planned: ReturnType<typeof useDayPlan>['planned'] };

type Offered = { product: ProductDto; offer: DayOffer };

/** The dishes served on the day, each with what the day offers of it: daily dishes only when the day's plan lists them. */
const offeredOn = (products: readonly ProductDto[], { planned }: MenuDay): Offered[] =>
  products.map((product) => ({ product, offer: offerOn(product, planned) })).filter(({ offer }) => offer.isServed);

type MenuPageProps = {
  search: MenuSearch;
  /** `isTyping`: the search box changed, so the address is replaced instead of adding a Back step per pause. */
  onSearchChange: (search: MenuSearch, isTyping?: boolean) => void;
};

/**
 * The menu. The day, category, search, filters and sort live in the address
 * (`/menu?day=…&category=…&q=…&diet=…&free=…&sort=…`), so Back and a shared link show the same dishes. The day is
 * also the cart's: without one in the address the menu shows the cart's day, and choosing one moves the cart.
 */
export const MenuPage = ({ search: params, onSearchChange: onParamsChange }: MenuPageProps) => {
  const { t } = useTranslation('menu');
  const { t: common } = useTranslation('common');
  const session = useSession();
  const cart = useCart();
  const cartDay = useCartDay();
  const pickup = usePickupDays();
  const day = pickup.dayOf(params.day ?? cart.pickupDay);
  const plan = useDayPlan(day);
  const menuDay: MenuDay = { day, planned: plan.planned };
  // Filters, tabs and sort keep the day chosen.
  const onSearchChange = (next: MenuSearch, isTyping?: boolean) =>
    onParamsChange({ ...(params.day ? { day: params.day } : {}), ...next }, isTyping);
  const chooseDay = (next: string) => {
    cartDay.moveTo(next);
    onParamsChange({ ...params, day: next });
  };
  const firstName = session.status === 'signedIn' ? session.user.name.split(' ')[0] : undefined;
  const categoryId = params.category ?? ALL;
  const filters = filtersOf(params);
  // A sort picked in the list is kept; a sort that only followed the search (best match) changes with it.
  const setFilters = (next: Filters, isTyping?: boolean) =>
    onSearchChange(searchOf(next, params.category, next.sort === filters.sort ? params.sort : next.sort), isTyping);
  const categories = useQuery(trpc.category.list.queryOptions());
  // The day's menu: daily dishes only when its published plan lists them, in the list and in the counts alike.
  const counts = useQuery({
    ...trpc.product.counts.queryOptions({ ...filterInput(filters), day }),
    placeholderData: keepPreviousData,
  });
  const hasFilters = Boolean(filters.search || filters.dietaryTags.length || filters.freeFrom.length);
  const countOf = (id: string): number | undefined => {
    if (!counts.data) return undefined;
    if (id === ALL) return counts.data.total;
    return counts.data.byCategory.find((row) => row.categoryId === id)?.count ?? 0;
  };
  // A category from an old link that no longer exists shows everything rather than an empty tab.
  const knownCategory = !categories.data || categoryId === ALL || categories.data.some((c) => c.id === categoryId);
  const shownCategory = knownCategory ? categoryId : ALL;

  return (
    <DishChoiceProvider>
      <PageHeader
        title={t('title')}
        description={
          firstName
            ? day === pickup.today
              ? t('greeting', { name: firstName })
              : t('greetingOn', { name: firstName, day: formatPickupDayLong(day) })
            : undefined
        }
      />
      {pickup.days.length > 1 ? (
        <DayPicker
          aria-label={t('day.label')}
          days={pickup.days}
          today={pickup.today}
          value={day}
          onValueChange={chooseDay}
          className="mb-4"
        />
      ) : null}
      {plan.query.isError ? (
        <Alert
          tone="warning"
          className="mb-4"
          action={
            <Button variant="secondary" size="sm" onClick={() => void plan.query.refetch()}>
              {common('tryAgain')}
            </Button>
          }
        >
          {t('day.planFailed', { day: formatPickupDayLong(day) })}
        </Alert>
      ) : null}
      <Tabs
        value={shownCategory}
        onValueChange={(value) => onSearchChange(searchOf(filters, value === ALL ? undefined : value, params.sort))}
        className="grid gap-4"
      >
        <TabsList aria-label={t('categories')}>
          <TabsTrigger value={ALL}>
            {t('all')}
            <TabCount count={countOf(ALL)} />
          </TabsTrigger>
          {categories.data?.map((category) => (
            <TabsTrigger key={category.id} value={category.id}>
              {category.name}
              <TabCount count={countOf(category.id)} />
            </TabsTrigger>
          ))}
        </TabsList>
        <MenuFilters filters={filters} onChange={setFilters} hasFilters={hasFilters} />
        {categories.isError ? (
          // One banner for the page: the dishes below say nothing more while the categories cannot load.
          <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          [ALL, ...(categories.data?.map((category) => category.id) ?? [])].map((value) => (
            <TabsContent key={value} value={value} className="focus-visible:outline-none">
              {value === shownCategory && value === ALL && !hasFilters ? (
                <>
                  <DailyDishes menuDay={menuDay} today={pickup.today} />
                  <Favourites menuDay={menuDay} />
                </>
              ) : null}
              {value === shownCategory ? (
                <ProductGrid
                  menuDay={menuDay}
                  categoryId={value === ALL ? undefined : value}
                  filters={filters}
                  total={countOf(value)}
                  onClearFilters={() => setFilters({ search: '', dietaryTags: [], freeFrom: [], sort: params.sort ?? 'name' })}
                />
              ) : null}
            </TabsContent>
          ))
        )}
      </Tabs>
    </DishChoiceProvider>
  );
};

const TabCount = ({ count }: { count: number | undefined }) => {
  const { t } = useTranslation('menu');
  return count === undefined ? null : (
    <span className="rounded-full bg-black/10 px-1.5 text-xs tabular-nums">
      {formatNumber(count)}
      <span className="sr-only"> {t('tabUnit', { count })}</span>
    </span>
  );
};

type MenuFiltersProps = { filters: Filters; onChange: (filters: Filters, isTyping?: boolean) => void; hasFilters: boolean };

const MenuFilters = ({ filters, onChange, hasFilters }: MenuFiltersProps) => {
  const { t } = useTranslation('menu');
  const set = bindFilters(filters, onChange);
  const dietary = dietaryLabels();
  const searchBox = useCommittedText(filters.search, (text) => onChange({ ...filters, search: text }, true));
  const clear = () =>
    onChange({ search: '', dietaryTags: [], freeFrom: [], sort: filters.sort === 'relevance' ? 'name' : filters.sort });
  const toggleTag = (tag: DietaryTag) =>
    set('dietaryTags')(
      filters.dietaryTags.includes(tag)
        ? filters.dietaryTags.filter((item) => item !== tag)
        : DIETARY_TAGS.filter((item) => item === tag || filters.dietaryTags.includes(item)),
    );
  return (
    <div className="grid gap-3">
      <div className="flex flex-col gap-3 sm:flex-row">
        <SearchInput
          wrapperClassName="flex-1"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          {...searchBox}
        />
        <Select
          aria-label={t('sort.label')}
          value={filters.sort}
          onValueChange={set('sort')}
          options={sortOptions(t, Boolean(filters.search))}
          className="sm:w-52"
        />
      </div>
      {/* On a phone the chips scroll sideways in one row instead of pushing the dishes down. */}
      <div
        data-scroll-x=""
        className="relative -mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:thin] sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
      >
        <Popover>
          <PopoverTrigger asChild>
            <Button variant="secondary" size="sm" className="shrink-0 rounded-full">
              <ListFilter aria-hidden />
              {t('freeFrom.button')}
              {filters.freeFrom.length ? (
                <span className="rounded-full bg-emerald-700 px-1.5 text-xs text-white tabular-nums">
                  <span aria-hidden>{filters.freeFrom.length}</span>
                  <span className="sr-only">{t('freeFrom.excluded', { count: filters.freeFrom.length })}</span>
                </span>
              ) : null}
            </Button>
          </PopoverTrigger>
          <PopoverContent className="w-80" aria-label={t('freeFrom.label')}>
            <CheckboxGroup
              legend={t('freeFrom.legend')}
              options={ALLERGENS}
              labels={allergenLabels()}
              value={filters.freeFrom}
              onChange={set('freeFrom')}
              columns={2}
              hint={t('freeFrom.hint')}
            />
          </PopoverContent>
        </Popover>
        <div role="group" aria-label={t('dietaryNeeds')} className="flex shrink-0 gap-1.5 sm:shrink sm:flex-wrap">
          {DIETARY_TAGS.map((tag) => {
            const isOn = filters.dietaryTags.includes(tag);
            return (
              <button
                key={tag}
                type="button"
                aria-pressed={isOn}
                onClick={() => toggleTag(tag)}
                className={cn(
                  'h-8 shrink-0 rounded-full border px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600',
                  isOn
                    ? 'border-emerald-700 bg-emerald-50 text-emerald-900'
                    : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50',
                )}
              >
                {dietary[tag]}
              </button>
            );
          })}
        </div>
        {hasFilters ? (
          <Button variant="ghost" size="sm" className="shrink-0" onClick={clear}>
            <X aria-hidden />
            {t('clearFilters')}
          </Button>
        ) : null}
      </div>
    </div>
  );
};

type ProductGridProps = {
  menuDay: MenuDay;
  categoryId: string | undefined;
  filters: Filters;
  /** How many dishes match in this tab, when known: "24 of 80 dishes". */
  total: number | undefined;
  onClearFilters: () => void;
};

/** "24 of 80 dishes" while more can be loaded, "80 dishes" once all are shown. */
const dishCount = (
  t: TFunction<'menu'>,
  { shown, total, hasMore }: { shown: number; total: number | undefined; hasMore: boolean },
): string => {
  if (!hasMore) return t('count', { count: shown });
  return total === undefined || total < shown
    ? t('countShown', { count: shown })
    : t('countOf', { count: total, shown: formatNumber(shown) });
};

const ProductGrid = ({ menuDay, categoryId, filters, total, onClearFilters }: ProductGridProps) => {
  const { t } = useTranslation('menu');
  const input = {
    limit: PAGE_SIZE,
    sort: filters.sort,
    ...(categoryId ? { categoryId } : {}),
    ...filterInput(filters),
    day: menuDay.day,
  };
  const list = useLoadMoreList({
    ...trpc.product.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const { items: products, more } = list;
  const offered = offeredOn(products, menuDay);
  // The API serves the day's dishes; any daily dish it still sends that the day's plan does not list (the plan
  // changed meanwhile) is left out here, and out of "24 of 80".
  const shownTotal = total === undefined ? undefined : total - (products.length - offered.length);
  const hasFilters = Boolean(filters.search || filters.dietaryTags.length || filters.freeFrom.length);

  if (list.status === 'pending') return <GridSkeleton />;
  if (list.status === 'error') {
    return <ErrorAlert error={list.error} onRetry={list.retry} />;
  }
  if (offered.length === 0 && !more.hasMore) {
    return (
      <Card>
        <EmptyState
          icon={hasFilters ? SearchX : UtensilsCrossed}
          title={hasFilters ? t('noMatch.title') : t('empty.title')}
          description={hasFilters ? t('noMatch.description') : t('empty.description')}
          action={
            hasFilters ? (
              <Button variant="secondary" onClick={onClearFilters}>
                {t('clearFilters')}
              </Button>
            ) : null
          }
        />
      </Card>
    );
  }
  const { isRefreshing } = more;
  return (
    <section aria-labelledby="dishes-heading" aria-busy={isRefreshing} className="grid gap-4">
      {/* The cards' names are level 3 under this one, so headings go 1, 2, 3 (axe heading-order). */}
      <h2 id="dishes-heading" className="sr-only">
        {t('dishes')}
      </h2>
      <p className="flex items-center gap-2 text-sm text-zinc-600" aria-live="polite">
        {dishCount(t, { shown: offered.length, total: shownTotal, hasMore: more.hasMore })}
        {isRefreshing ? <Spinner label={t('updating')} className="size-3.5" /> : null}
      </p>
      <ul className={cn('grid gap-4 sm:grid-cols-2 xl:grid-cols-3', isRefreshing && 'opacity-70 transition-opacity')}>
        {offered.map(({ product, offer }) => (
          <li key={product.id} className="grid">
            <ProductCard product={product} day={menuDay.day} offer={offer} avoid={filters.freeFrom} />
          </li>
        ))}
      </ul>
      <div className="flex justify-center pt-2">
        {more.hasMore ? (
          <Button variant="secondary" onClick={more.loadMore} isLoading={more.isLoadingMore}>
            {t('loadMore')}
          </Button>
        ) : (
          <p className="text-sm text-zinc-600">{hasFilters ? t('everythingMatching') : t('everything')}</p>
        )}
      </div>
    </section>
  );
};

/**
 * The day's daily dishes, pinned above the whole menu (not while searching or filtering), in the plan's order: the
 * chef's choice first.
 */
const DailyDishes = ({ menuDay, today }: { menuDay: MenuDay; today: string }) => {
  const { t } = useTranslation('menu');
  const planned = [...(menuDay.planned?.values() ?? [])].filter((dish) => dish.isActive);
  const products = useQueries({
    queries: planned.map((dish) => trpc.product.byId.queryOptions({ id: dish.productId })),
  });
  const dishes = offeredOn(
    products.flatMap((query) => (query.data ? [query.data] : [])),
    menuDay,
  );
  if (dishes.length === 0) return null;
  return (
    <section aria-labelledby="daily-heading" className="mb-6 grid gap-3">
      <h2 id="daily-heading" className="text-base font-semibold text-zinc-900">
        {menuDay.day === today ? t('daily.today') : t('daily.on', { day: formatPickupDayLong(menuDay.day) })}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {dishes.map(({ product, offer }) => (
          <li key={product.id} className="grid">
            <ProductCard product={product} idPrefix="daily" day={menuDay.day} offer={offer} />
          </li>
        ))}
      </ul>
    </section>
  );
};

/** The person's favourite dishes the day serves, pinned above the whole menu (not while searching or filtering). */
const Favourites = ({ menuDay }: { menuDay: MenuDay }) => {
  const { t } = useTranslation('menu');
  const dishes = offeredOn(useFavourites().dishes, menuDay);
  if (dishes.length === 0) return null;
  return (
    <section aria-labelledby="favourites-heading" className="mb-6 grid gap-3">
      <h2 id="favourites-heading" className="text-base font-semibold text-zinc-900">
        {t('favourites.title')}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {dishes.map(({ product, offer }) => (
          <li key={product.id} className="grid">
            <ProductCard product={product} idPrefix="favourite" day={menuDay.day} offer={offer} />
          </li>
        ))}
      </ul>
    </section>
  );
};

const GridSkeleton = () => {
  const { t } = useTranslation('menu');
  return (
    <div role="status" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <span className="sr-only">{t('loading')}</span>
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} aria-hidden className="grid h-56 gap-3 rounded-xl border border-zinc-200 bg-white p-5">
          <div className="h-3 w-20 animate-pulse rounded bg-zinc-100" />
          <div className="h-5 w-3/4 animate-pulse rounded bg-zinc-100" />
          <div className="h-12 animate-pulse rounded bg-zinc-100" />
          <div className="mt-auto h-8 w-24 animate-pulse justify-self-end rounded bg-zinc-100" />
        </div>
      ))}
    </div>
  );
};
