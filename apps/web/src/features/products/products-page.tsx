import { QueryView } from '../../components/query-view';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, ArchiveRestore, MoreHorizontal, Package, PackagePlus, Pencil, Plus, SearchX } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '../../components/dropdown-menu';
import { EmptyState } from '../../components/empty-state';
import { Label } from '../../components/field';
import { SearchInput } from '../../components/search-input';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { Select } from '../../components/select';
import { Switch } from '../../components/switch';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { errorMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { cn } from '../../lib/utils';
import { LOW_STOCK } from '../menu/product-card';
import { ProductFormDialog, type ProductRow } from './product-form-dialog';
import { StockDialog } from './stock-dialog';

const PAGE_SIZE = 20;
const ALL = 'all';

export const ProductsPage = () => {
  const [searchText, setSearchText] = useState('');
  const [categoryId, setCategoryId] = useState(ALL);
  const [isArchivedShown, setIsArchivedShown] = useState(false);
  const search = useDebouncedValue(searchText.trim(), 300);
  const categories = useQuery(trpc.category.list.queryOptions());
  const input = {
    limit: PAGE_SIZE,
    sort: 'name' as const,
    ...(search ? { search } : {}),
    ...(categoryId === ALL ? {} : { categoryId }),
    ...(isArchivedShown ? { includeArchived: true } : {}),
  };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.product.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<ProductRow | 'new' | null>(null);
  const [stockFor, setStockFor] = useState<ProductRow | null>(null);
  const hasFilters = Boolean(search || categoryId !== ALL);

  return (
    <>
      <PageHeader
        title="Products"
        description="Everything the canteen sells: prices, allergens and stock."
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden />
            New dish
          </Button>
        }
      />
      <Card>
        <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] lg:items-center">
          <SearchInput
            wrapperClassName="sm:col-span-2 lg:col-span-1"
            aria-label="Search products"
            placeholder="Search by name or description"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
          <Select
            aria-label="Filter by category"
            value={categoryId}
            onValueChange={setCategoryId}
            options={[
              { value: ALL, label: 'All categories' },
              ...(categories.data ?? []).map((category) => ({ value: category.id, label: category.name })),
            ]}
          />
          <div className="flex items-center gap-2.5">
            <Switch id="show-archived" checked={isArchivedShown} onCheckedChange={setIsArchivedShown} />
            <Label htmlFor="show-archived" className="font-normal">
              Show archived
            </Label>
          </div>
        </div>
        <QueryView
          query={query}
          loadingLabel="Loading products"
          empty={
            <EmptyState
              icon={hasFilters ? SearchX : Package}
              title={hasFilters ? 'No products match' : 'No products yet'}
              description={hasFilters ? 'Try another word or category.' : 'Add the first dish to open the menu.'}
            />
          }
        >
          {(data) => (
            <>
              <ProductsTable products={data.items} onEdit={setEditing} onAdjustStock={setStockFor} />
              <Pagination
                label="Products pages"
                page={pages.page}
                hasPrevious={pages.hasPrevious}
                hasNext={Boolean(data.nextCursor)}
                onPrevious={pages.goPrevious}
                onNext={() => data.nextCursor && pages.goNext(data.nextCursor)}
                isFetching={query.isFetching}
              />
            </>
          )}
        </QueryView>
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
  if (stock === null) return <span className="text-zinc-600">Not tracked</span>;
  if (stock === 0) return <Badge tone="red">Sold out</Badge>;
  return <span className={cn('tabular-nums', stock <= LOW_STOCK ? 'font-medium text-amber-800' : 'text-zinc-900')}>{stock}</span>;
};

type ProductsTableProps = {
  products: ProductRow[];
  onEdit: (product: ProductRow) => void;
  onAdjustStock: (product: ProductRow) => void;
};

const ProductsTable = ({ products, onEdit, onAdjustStock }: ProductsTableProps) => {
  const queryClient = useQueryClient();
  const onDone = async (message: string) => {
    toast.success(message);
    await Promise.all([
      queryClient.invalidateQueries(trpc.product.pathFilter()),
      queryClient.invalidateQueries(trpc.category.pathFilter()),
    ]);
  };
  const archive = useMutation(
    trpc.product.archive.mutationOptions({
      onSuccess: (product) => onDone(`${product.name} is off the menu. Past orders keep it.`),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const restore = useMutation(
    trpc.product.update.mutationOptions({
      onSuccess: (product) => onDone(`${product.name} is back on the menu.`),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Table>
      <caption className="sr-only">Products</caption>
      <THead>
        <tr>
          <TH>Dish</TH>
          <TH className="hidden md:table-cell">Category</TH>
          <TH className="text-right">Price</TH>
          <TH className="text-right">Stock</TH>
          <TH className="hidden sm:table-cell">Status</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {products.map((product) => (
          <TR key={product.id} className={cn(!product.isActive && 'bg-zinc-50/70')}>
            <TD>
              <div className="grid min-w-44">
                <span className={cn('font-medium', product.isActive ? 'text-zinc-900' : 'text-zinc-600')}>{product.name}</span>
                <span className="text-xs text-zinc-600 md:hidden">{product.categoryName}</span>
                {product.isActive ? null : (
                  <span className="mt-1 sm:hidden">
                    <Badge>Archived</Badge>
                  </span>
                )}
              </div>
            </TD>
            <TD className="hidden md:table-cell">{product.categoryName}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatMoney(product.priceCents)}</TD>
            <TD className="text-right whitespace-nowrap">
              <StockCell stock={product.stock} />
            </TD>
            <TD className="hidden sm:table-cell">
              {product.isActive ? <Badge tone="green">On the menu</Badge> : <Badge>Archived</Badge>}
            </TD>
            <TD className="text-right">
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${product.name}`}>
                    <MoreHorizontal aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => onEdit(product)}>
                    <Pencil aria-hidden />
                    Edit
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => onAdjustStock(product)}>
                    <PackagePlus aria-hidden />
                    Adjust stock
                  </DropdownMenuItem>
                  {product.isActive ? (
                    <DropdownMenuItem onSelect={() => archive.mutate({ id: product.id })}>
                      <Archive aria-hidden />
                      Archive
                    </DropdownMenuItem>
                  ) : (
                    <DropdownMenuItem onSelect={() => restore.mutate({ id: product.id, isActive: true })}>
                      <ArchiveRestore aria-hidden />
                      Put back on the menu
                    </DropdownMenuItem>
                  )}
                </DropdownMenuContent>
              </DropdownMenu>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
};
