import type { ProductDto } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, ArchiveRestore, CalendarDays, MoreHorizontal, Package, PackagePlus, Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '../../components/dropdown-menu';
import { Label } from '../../components/field';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { SearchInput } from '../../components/search-input';
import { Select } from '../../components/select';
import { LOW_STOCK } from '../../components/stock-badge';
import { Switch } from '../../components/switch';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { usePagedList, useSearchBox } from '../../lib/use-list';
import { cn } from '../../lib/utils';
import { ProductFormDialog } from './product-form-dialog';
import { StockDialog } from './stock-dialog';

const PAGE_SIZE = 20;
const ALL = 'all';

export const ProductsPage = () => {
  const { t } = useTranslation('products');
  const search = useSearchBox();
  const [categoryId, setCategoryId] = useState(ALL);
  const [isArchivedShown, setIsArchivedShown] = useState(false);
  const categories = useQuery(trpc.category.list.queryOptions());
  const list = usePagedList((cursor) =>
    trpc.product.list.queryOptions({
      limit: PAGE_SIZE,
      cursor,
      sort: 'name',
      ...(search.term ? { search: search.term } : {}),
      ...(categoryId === ALL ? {} : { categoryId }),
      ...(isArchivedShown ? { includeArchived: true } : {}),
    }),
  );
  const [editing, setEditing] = useState<ProductDto | 'new' | null>(null);
  const [stockFor, setStockFor] = useState<ProductDto | null>(null);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden />
            {t('newDish')}
          </Button>
        }
      />
      <Card>
        <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] lg:items-center">
          <SearchInput
            wrapperClassName="sm:col-span-2 lg:col-span-1"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            {...search.inputProps}
          />
          <Select
            aria-label={t('categoryFilter')}
            value={categoryId}
            onValueChange={setCategoryId}
            options={[
              { value: ALL, label: t('allCategories') },
              ...(categories.data ?? []).map((category) => ({ value: category.id, label: category.name })),
            ]}
          />
          <div className="flex items-center gap-2.5">
            <Switch id="show-archived" checked={isArchivedShown} onCheckedChange={setIsArchivedShown} />
            <Label htmlFor="show-archived" className="font-normal">
              {t('showArchived')}
            </Label>
          </div>
        </div>
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          empty={{ icon: Package, title: t('empty.title'), description: t('empty.description') }}
          isFiltered={Boolean(search.term || categoryId !== ALL)}
          noMatch={{ title: t('noMatch.title'), description: t('noMatch.description') }}
        >
          {(products) => <ProductsTable products={products} onEdit={setEditing} onAdjustStock={setStockFor} />}
        </ListView>
      </Card>
      <ProductFormDialog
        key={`form-${editing === 'new' ? 'new' : (editing?.id ?? 'closed')}`}
        product={editing === 'new' ? null : editing}
        isOpen={editing !== null}
        onOpenChange={(isOpen) => !isOpen && setEditing(null)}
      />
      <StockDialog key={`stock-${stockFor?.id ?? 'closed'}`} product={stockFor} onClose={() => setStockFor(null)} />
    </>
  );
};

const StockCell = ({ stock }: { stock: number | null }) => {
  const { t } = useTranslation('products');
  if (stock === null) return <span className="text-zinc-600">{t('table.notTracked')}</span>;
  if (stock === 0) return <Badge tone="red">{t('table.soldOut')}</Badge>;
  return (
    <span className={cn('tabular-nums', stock <= LOW_STOCK ? 'font-medium text-amber-800' : 'text-zinc-900')}>
      {formatNumber(stock)}
    </span>
  );
};

type ProductsTableProps = {
  products: ProductDto[];
  onEdit: (product: ProductDto) => void;
  onAdjustStock: (product: ProductDto) => void;
};

const ProductsTable = ({ products, onEdit, onAdjustStock }: ProductsTableProps) => {
  const { t } = useTranslation('products');
  const queryClient = useQueryClient();
  const onDone = async (message?: string) => {
    if (message) toast.success(message);
    await Promise.all([
      queryClient.invalidateQueries(trpc.product.pathFilter()),
      queryClient.invalidateQueries(trpc.category.pathFilter()),
    ]);
  };
  const restore = useMutation(
    trpc.product.update.mutationOptions({
      onSuccess: (product) => onDone(t('toast.restored', { dish: product.name })),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  // Archiving is one click, so the message offers to undo it.
  const archive = useMutation(
    trpc.product.archive.mutationOptions({
      onSuccess: async (product) => {
        toast.success(t('toast.archived', { dish: product.name }), {
          action: { label: t('toast.undo'), onClick: () => restore.mutate({ id: product.id, isActive: true }) },
        });
        await onDone();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const columns: Column<ProductDto>[] = [
    {
      header: t('table.dish'),
      cell: (product) => (
        <div className="grid sm:min-w-44">
          <span className={cn('font-medium', product.isActive ? 'text-zinc-900' : 'text-zinc-600')}>
            {product.name}
            {product.isScheduled ? (
              <Badge tone="blue" className="ml-2 align-text-bottom">
                <CalendarDays aria-hidden className="size-3" />
                {t('table.daily')}
              </Badge>
            ) : null}
          </span>
          <span className="text-xs text-zinc-600 md:hidden">{product.categoryName}</span>
          {/* On a phone price and stock move under the name, so the row's actions stay on screen. */}
          <span className="mt-1 flex items-center gap-3 text-sm sm:hidden">
            <span className="tabular-nums">{formatMoney(product.priceCents)}</span>
            <span className="flex items-center gap-1">
              <span className="text-xs text-zinc-600">{t('table.stock')}</span> <StockCell stock={product.stock} />
            </span>
          </span>
          {product.isActive ? null : (
            <span className="mt-1 sm:hidden">
              <Badge>{t('table.archived')}</Badge>
            </span>
          )}
        </div>
      ),
    },
    { header: t('table.category'), cell: (product) => product.categoryName, className: 'hidden md:table-cell' },
    {
      header: t('table.price'),
      cell: (product) => formatMoney(product.priceCents),
      className: 'hidden text-right sm:table-cell',
      cellClassName: 'whitespace-nowrap tabular-nums',
    },
    {
      header: t('table.stock'),
      cell: (product) => <StockCell stock={product.stock} />,
      className: 'hidden text-right sm:table-cell',
      cellClassName: 'whitespace-nowrap',
    },
    {
      header: t('table.status'),
      cell: (product) =>
        product.isActive ? <Badge tone="green">{t('table.onTheMenu')}</Badge> : <Badge>{t('table.archived')}</Badge>,
      className: 'hidden sm:table-cell',
    },
    {
      header: t('table.actions'),
      isHeaderHidden: true,
      className: 'text-right',
      cell: (product) => (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" className="size-8" aria-label={t('table.actionsFor', { dish: product.name })}>
              <MoreHorizontal aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => onEdit(product)}>
              <Pencil aria-hidden />
              {t('table.edit')}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => onAdjustStock(product)}>
              <PackagePlus aria-hidden />
              {t('table.adjustStock')}
            </DropdownMenuItem>
            {product.isActive ? (
              <DropdownMenuItem onSelect={() => archive.mutate({ id: product.id })}>
                <Archive aria-hidden />
                {t('table.archive')}
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={() => restore.mutate({ id: product.id, isActive: true })}>
                <ArchiveRestore aria-hidden />
                {t('table.restore')}
              </DropdownMenuItem>
            )}
          </DropdownMenuContent>
        </DropdownMenu>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('table.caption')}
      rows={products}
      columns={columns}
      rowClassName={(product) => !product.isActive && 'bg-zinc-50/70'}
    />
  );
};
