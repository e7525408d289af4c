import type { RouterOutputs } from '@canteen/api/trpc';
import { QueryView } from '../../components/query-view';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Printer, Search, ShoppingBasket, Trash2, UserRoundPlus } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { SearchInput } from '../../components/search-input';
import { PageHeader } from '../../components/page-header';
import { QuantityStepper } from '../../components/quantity-stepper';
import { useSession } from '../../lib/auth';
import { errorMessage, errorReason, isNetworkError } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { cn } from '../../lib/utils';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, newIdempotencyKey } from '../cart/cart-store';
import { StockBadge } from '../menu/product-card';
import { Receipt } from '../orders/receipt';
import { EmployeePicker, type Person } from '../people/employee-picker';

type Product = RouterOutputs['product']['list']['items'][number];
type Order = RouterOutputs['order']['place'];
type TillLine = { product: Product; quantity: number };

const RESULTS = 12;

/** A manager rings up an order for an employee of their department (an admin for anyone else), paid from that person's wallet. */
export const TillPage = () => {
  const queryClient = useQueryClient();
  const session = useSession();
  const isAdmin = session.status === 'signedIn' && session.user.role === 'admin';
  const [person, setPerson] = useState<Person | null>(null);
  const [lines, setLines] = useState<TillLine[]>([]);
  // One key per basket and person: a retry after a lost answer cannot charge twice.
  const [checkoutKey, setCheckoutKey] = useState(newIdempotencyKey);
  const [receipt, setReceipt] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  const balance = useQuery({ ...trpc.wallet.balance.queryOptions({ userId: person?.id }), enabled: person !== null });
  const place = useMutation(trpc.order.place.mutationOptions());
  const totalCents = lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);

  const changeBasket = (next: TillLine[]) => {
    setLines(next);
    setCheckoutKey(newIdempotencyKey());
    setError(null);
  };
  const add = (product: Product) => {
    const existing = lines.find((line) => line.product.id === product.id);
    if (!existing && lines.length >= MAX_ORDER_LINES) return;
    changeBasket(
      existing
        ? lines.map((line) =>
            line.product.id === product.id ? { ...line, quantity: Math.min(MAX_LINE_QUANTITY, line.quantity + 1) } : line,
          )
        : [...lines, { product, quantity: 1 }],
    );
  };
  const setQuantity = (productId: string, quantity: number) =>
    changeBasket(
      quantity <= 0
        ? lines.filter((line) => line.product.id !== productId)
        : lines.map((line) => (line.product.id === productId ? { ...line, quantity } : line)),
    );
  const onPerson = (next: Person | null) => {
    setPerson(next);
    setCheckoutKey(newIdempotencyKey());
    setError(null);
  };
  const startOver = () => {
    setReceipt(null);
    setPerson(null);
    changeBasket([]);
  };

  const onCharge = async () => {
    if (!person) return;
    setError(null);
    try {
      const order = await place.mutateAsync({
        userId: person.id,
        idempotencyKey: checkoutKey,
        items: lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })),
      });
      queryClient.setQueryData(trpc.order.byId.queryKey({ id: order.id }), order);
      setReceipt(order);
      setLines([]);
      setCheckoutKey(newIdempotencyKey());
      await Promise.all([
        queryClient.invalidateQueries(trpc.wallet.pathFilter()),
        queryClient.invalidateQueries(trpc.order.list.pathFilter()),
        queryClient.invalidateQueries(trpc.product.pathFilter()),
      ]);
    } catch (caught) {
      if (errorReason(caught) === 'INSUFFICIENT_FUNDS') {
        const fresh = await balance.refetch();
        setError(
          `Not enough money in ${person.name}'s wallet: they have ${formatMoney(fresh.data?.totalCents ?? 0)}, this order is ${formatMoney(totalCents)}.`,
        );
      } else if (isNetworkError(caught)) {
        setError("We couldn't reach Canteen to confirm the order. Try again: it will not be charged twice.");
      } else {
        setError(errorMessage(caught));
      }
    }
  };

  return (
    <>
      <PageHeader
        title="Till"
        description={`Ring up an order for ${isAdmin ? 'someone' : 'an employee of your department'}; it is paid from their wallet.`}
      />
      {receipt ? (
        <Card className="max-w-3xl">
          <CardContent className="grid gap-5">
            <Alert tone="success" title={`Charged ${formatMoney(receipt.totalCents)} to ${receipt.userName}.`} />
            <Receipt order={receipt} />
          </CardContent>
          <CardFooter>
            <Button variant="secondary" onClick={() => window.print()}>
              <Printer aria-hidden />
              Print
            </Button>
            <Button onClick={startOver}>
              <UserRoundPlus aria-hidden />
              Next customer
            </Button>
          </CardFooter>
        </Card>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="grid gap-6">
            <Card>
              <CardHeader>
                <CardTitle>Customer</CardTitle>
              </CardHeader>
              <CardContent className="grid gap-3">
                <EmployeePicker label="Who is it for" value={person} onChange={onPerson} />
                {person ? (
                  <p className="text-sm text-zinc-700">
                    Wallet balance:{' '}
                    <span data-testid="till-balance" className="font-semibold text-zinc-900 tabular-nums">
                      {balance.data ? formatMoney(balance.data.totalCents) : '…'}
                    </span>
                  </p>
                ) : null}
              </CardContent>
            </Card>
            <DishPicker onAdd={add} />
          </div>
          <Card className="lg:sticky lg:top-24">
            <CardHeader>
              <CardTitle>Order</CardTitle>
              <CardDescription>{person ? `For ${person.name}` : 'Choose the customer first.'}</CardDescription>
            </CardHeader>
            {lines.length === 0 ? (
              <EmptyState icon={ShoppingBasket} title="No dishes yet" description="Add dishes from the list." />
            ) : (
              <ul aria-label="Dishes in this order" className="divide-y divide-zinc-100">
                {lines.map((line) => (
                  <li key={line.product.id} className="grid gap-2 px-5 py-3 sm:px-6">
                    <div className="flex items-start justify-between gap-3">
                      <span className="text-sm font-medium text-zinc-900">{line.product.name}</span>
                      <span className="text-sm text-zinc-900 tabular-nums">
                        {formatMoney(line.product.priceCents * line.quantity)}
                      </span>
                    </div>
                    <div className="flex items-center justify-between gap-3">
                      <QuantityStepper
                        itemName={line.product.name}
                        value={line.quantity}
                        onChange={(quantity) => setQuantity(line.product.id, quantity)}
                        max={Math.min(MAX_LINE_QUANTITY, line.product.stock ?? MAX_LINE_QUANTITY) || 1}
                        size="sm"
                      />
                      <Button
                        variant="ghost"
                        size="icon"
                        className="size-8 text-zinc-600 hover:bg-red-50 hover:text-red-700"
                        aria-label={`Remove ${line.product.name}`}
                        onClick={() => setQuantity(line.product.id, 0)}
                      >
                        <Trash2 aria-hidden />
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <CardContent className="grid gap-3 border-t border-zinc-100">
              <dl className="grid gap-1.5 text-sm">
                <div className="flex justify-between gap-4">
                  <dt className="font-semibold text-zinc-900">Total</dt>
                  <dd data-testid="till-total" className="font-semibold text-zinc-900 tabular-nums">
                    {formatMoney(totalCents)}
                  </dd>
                </div>
                {balance.data ? (
                  <div className="flex justify-between gap-4">
                    <dt className="text-zinc-700">Balance after</dt>
                    <dd
                      className={cn(
                        'tabular-nums',
                        balance.data.totalCents - totalCents < 0 ? 'font-medium text-red-700' : 'text-zinc-900',
                      )}
                    >
                      {formatMoney(balance.data.totalCents - totalCents)}
                    </dd>
                  </div>
                ) : null}
              </dl>
              {error ? <Alert>{error}</Alert> : null}
            </CardContent>
            <CardFooter>
              <Button
                size="lg"
                className="w-full"
                disabled={!person || lines.length === 0}
                isLoading={place.isPending}
                onClick={() => void onCharge()}
              >
                {person ? `Charge ${person.name.split(' ')[0]} · ${formatMoney(totalCents)}` : 'Charge'}
              </Button>
            </CardFooter>
          </Card>
        </div>
      )}
    </>
  );
};

const DishPicker = ({ onAdd }: { onAdd: (product: Product) => void }) => {
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const query = useQuery({
    ...trpc.product.list.queryOptions({ limit: RESULTS, sort: 'name', ...(search ? { search } : {}) }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Dishes</CardTitle>
      </CardHeader>
      <div className="border-b border-zinc-100 px-5 pb-4 sm:px-6">
        <SearchInput
          aria-label="Search dishes"
          placeholder="Search dishes"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
      </div>
      <QueryView
        query={query}
        loadingLabel="Loading dishes"
        empty={<EmptyState icon={Search} title="No dishes match" description="Try another word." />}
      >
        {(data) => (
          <ul aria-label="Dishes" className="divide-y divide-zinc-100">
            {data.items.map((product) => (
              <li key={product.id} className="flex items-center justify-between gap-3 px-5 py-2.5 sm:px-6">
                <div className="grid min-w-0">
                  <span className="truncate text-sm font-medium text-zinc-900">{product.name}</span>
                  <span className="flex items-center gap-2 text-xs text-zinc-600">
                    {formatMoney(product.priceCents)}
                    <StockBadge stock={product.stock} />
                  </span>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Add: ${product.name}`}
                  disabled={product.stock === 0}
                  onClick={() => onAdd(product)}
                >
                  Add
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Card>
  );
};
