import { type OrderDto, type ProductDto, type UserDto, offersChoices, resolveOptions } from '@canteen/shared';
import { addToBasket, basketLineKey, setBasketQuantity } from '@canteen/shared/rules';
import { Printer, Search, ShoppingBasket, UserRoundPlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { BasketQuantity, CheckoutButton, RemoveFromBasket } from '../../components/checkout';
import { Button } from '../../components/button';
import { type DishChoice, DishOptionsDialog } from '../../components/dish-options-dialog';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { EmployeePicker } from '../../components/employee-picker';
import { EmptyState } from '../../components/empty-state';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { PersonBalance } from '../../components/person-balance';
import { Receipt } from '../../components/receipt';
import { SearchInput } from '../../components/search-input';
import { StockBadge } from '../../components/stock-badge';
import { useSession } from '../../lib/auth';
import { newIdempotencyKey } from '../../lib/cart-store';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { usePagedList, useSearchBox } from '../../lib/use-list';
import { usePersonBalance } from '../../lib/use-person-balance';
import { usePlaceOrder } from '../../lib/use-place-order';
import { cn } from '../../lib/utils';

type TillLine = { productId: string; quantity: number; optionIds?: string[]; note?: string; product: ProductDto };

/** A till line's price per piece, with its options, and the options' words. */
const pricedLine = (line: TillLine) => {
  const resolved = resolveOptions(line.product.optionGroups, line.optionIds ?? []);
  const options = resolved.ok ? resolved.chosen : [];
  return {
    unitCents: line.product.priceCents + (resolved.ok ? resolved.deltaCents : 0),
    options: options.map((option) => `${option.groupName}: ${option.name}`).join(' · '),
  };
};

const RESULTS = 12;

/** A manager rings up an order for an employee of their department (an admin for anyone else), paid from that person's wallet. */
export const TillPage = () => {
  const { t } = useTranslation('till');
  const session = useSession();
  const isAdmin = session.status === 'signedIn' && session.user.role === 'admin';
  const [person, setPerson] = useState<UserDto | null>(null);
  const [lines, setLines] = useState<TillLine[]>([]);
  // One key per basket and person: a retry after a lost answer cannot charge twice.
  const [checkoutKey, setCheckoutKey] = useState(newIdempotencyKey);
  const [receipt, setReceipt] = useState<OrderDto | null>(null);
  const balance = usePersonBalance(person);
  const newCheckout = () => setCheckoutKey(newIdempotencyKey());
  const checkout = usePlaceOrder({
    customer: person,
    wallet: balance,
    checkoutKey: () => checkoutKey,
    onKeyRejected: newCheckout,
    onPlaced: (order) => {
      setReceipt(order);
      setLines([]);
      newCheckout();
    },
  });
  const totalCents = lines.reduce((sum, line) => sum + pricedLine(line).unitCents * line.quantity, 0);
  // A dish with choices asks for them first.
  const [choosing, setChoosing] = useState<ProductDto | null>(null);

  const changeBasket = (next: TillLine[] | null) => {
    if (!next) return;
    setLines(next);
    newCheckout();
    checkout.clearError();
  };
  const onPerson = (next: UserDto | null) => {
    setPerson(next);
    newCheckout();
    checkout.clearError();
  };
  const startOver = () => {
    setReceipt(null);
    setPerson(null);
    changeBasket([]);
  };
  const onCharge = () => {
    // Without a customer the order would be the manager's own.
    if (!person) return;
    const items = lines.map(({ productId, quantity, optionIds, note }) => ({
      productId,
      quantity,
      ...(optionIds?.length ? { optionIds } : {}),
      ...(note ? { note } : {}),
    }));
    void checkout.placeOrder(items, totalCents);
  };

  return (
    <>
      <PageHeader title={t('title')} description={isAdmin ? t('descriptionAdmin') : t('description')} />
      {receipt ? (
        <Card className="max-w-3xl print:max-w-none print:border-0 print:shadow-none">
          <CardContent className="grid gap-5 print:p-0">
            <Alert
              tone="success"
              className="print:hidden"
              title={t('charged', { amount: formatMoney(receipt.totalCents), name: receipt.userName })}
            />
            <Receipt order={receipt} />
          </CardContent>
          <CardFooter className="print:hidden">
            <Button variant="secondary" onClick={() => window.print()}>
              <Printer aria-hidden />
              {t('print')}
            </Button>
            <Button onClick={startOver}>
              <UserRoundPlus aria-hidden />
              {t('nextCustomer')}
            </Button>
          </CardFooter>
        </Card>
      ) : (
        <div className="grid items-start gap-6 pb-20 lg:grid-cols-[minmax(0,1fr)_22rem] lg:pb-0">
          <div className="grid gap-6">
            <Card>
              <CardHeader>
                <CardTitle>{t('customer.title')}</CardTitle>
              </CardHeader>
              <CardContent className="grid gap-3">
                <EmployeePicker label={t('customer.picker')} value={person} onChange={onPerson} />
                {person ? <PersonBalance label={t('customer.balance')} balance={balance.data} testId="till-balance" /> : null}
              </CardContent>
            </Card>
            <DishPicker
              onAdd={(product) =>
                offersChoices(product.optionGroups)
                  ? setChoosing(product)
                  : changeBasket(addToBasket(lines, { productId: product.id, quantity: 1, product }))
              }
            />
            {choosing ? (
              <DishOptionsDialog
                product={choosing}
                open
                onOpenChange={(isOpen) => !isOpen && setChoosing(null)}
                maxQuantity={20}
                onAdd={({ optionIds, note, quantity }: DishChoice) =>
                  changeBasket(
                    addToBasket(lines, {
                      productId: choosing.id,
                      quantity,
                      product: choosing,
                      ...(optionIds.length ? { optionIds } : {}),
                      ...(note ? { note } : {}),
                    }),
                  )
                }
              />
            ) : null}
          </div>
          <Card id="till-order" className="scroll-mt-20 lg:sticky lg:top-24">
            <CardHeader>
              <CardTitle>{t('order.title')}</CardTitle>
              <CardDescription>{person ? t('order.for', { name: person.name }) : t('order.chooseCustomer')}</CardDescription>
            </CardHeader>
            {lines.length === 0 ? (
              <EmptyState icon={ShoppingBasket} title={t('order.empty.title')} description={t('order.empty.description')} />
            ) : (
              <ul aria-label={t('order.dishes')} className="divide-y divide-zinc-100">
                {lines.map((line) => (
                  <li key={basketLineKey(line)} className="grid gap-2 px-5 py-3 sm:px-6">
                    <div className="flex items-start justify-between gap-3">
                      <span className="grid text-sm">
                        <span className="font-medium text-zinc-900">{line.product.name}</span>
                        {line.optionIds?.length ? <span className="text-zinc-600">{pricedLine(line).options}</span> : null}
                        {line.note ? <span className="text-zinc-600 italic">“{line.note}”</span> : null}
                      </span>
                      <span className="text-sm text-zinc-900 tabular-nums">
                        {formatMoney(pricedLine(line).unitCents * line.quantity)}
                      </span>
                    </div>
                    <div className="flex items-center justify-between gap-3">
                      <BasketQuantity
                        itemName={line.product.name}
                        quantity={line.quantity}
                        stock={line.product.stock}
                        onChange={(quantity) => changeBasket(setBasketQuantity(lines, line, quantity))}
                      />
                      <RemoveFromBasket
                        itemName={line.product.name}
                        onRemove={() => changeBasket(setBasketQuantity(lines, line, 0))}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <CardContent className="grid gap-3 border-t border-zinc-100">
              <dl className="grid gap-1.5 text-sm">
                <div className="flex justify-between gap-4">
                  <dt className="font-semibold text-zinc-900">{t('order.total')}</dt>
                  <dd data-testid="till-total" className="font-semibold text-zinc-900 tabular-nums">
                    {formatMoney(totalCents)}
                  </dd>
                </div>
                {balance.data ? (
                  <div className="flex justify-between gap-4">
                    <dt className="text-zinc-700">{t('order.balanceAfter')}</dt>
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
              {checkout.error ? <Alert>{checkout.error}</Alert> : null}
            </CardContent>
            <CheckoutButton isPending={checkout.isPending} disabled={!person || lines.length === 0} onClick={onCharge}>
              {person
                ? t('order.chargePerson', { name: person.name.split(' ')[0], total: formatMoney(totalCents) })
                : t('order.charge')}
            </CheckoutButton>
          </Card>
          <OrderBar count={lines.reduce((sum, line) => sum + line.quantity, 0)} totalCents={totalCents} />
        </div>
      )}
    </>
  );
};

/**
 * On a phone the order sits under the dishes: this bar keeps its size and total in sight and jumps to it.
 */
const OrderBar = ({ count, totalCents }: { count: number; totalCents: number }) => {
  const { t } = useTranslation('till');
  return (
    <div className="fixed inset-x-0 bottom-0 z-20 border-t border-zinc-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] backdrop-blur lg:hidden print:hidden">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-3">
        <p className="text-sm text-zinc-700" data-testid="till-bar-summary">
          {t('bar.dishes', { count })} ·{' '}
          <span className="font-semibold text-zinc-900 tabular-nums">{formatMoney(totalCents)}</span>
        </p>
        <Button
          size="sm"
          onClick={() => document.getElementById('till-order')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
        >
          {t('bar.review')}
        </Button>
      </div>
    </div>
  );
};

const DishPicker = ({ onAdd }: { onAdd: (product: ProductDto) => void }) => {
  const { t } = useTranslation('till');
  const search = useSearchBox(250);
  const list = usePagedList((cursor) =>
    trpc.product.list.queryOptions({
      limit: RESULTS,
      cursor,
      // Best match first while searching, as on the menu.
      ...(search.term ? { search: search.term, sort: 'relevance' } : { sort: 'name' }),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('dishes.title')}</CardTitle>
      </CardHeader>
      <div className="border-b border-zinc-100 px-5 pb-4 sm:px-6">
        <SearchInput aria-label={t('dishes.searchLabel')} placeholder={t('dishes.searchPlaceholder')} {...search.inputProps} />
      </div>
      <ListView
        list={list}
        loadingLabel={t('dishes.loading')}
        empty={{ icon: Search, title: t('dishes.noMatch.title'), description: t('dishes.noMatch.description') }}
      >
        {(products) => (
          <ul aria-label={t('dishes.list')} className="divide-y divide-zinc-100">
            {products.map((product) => (
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
                  aria-label={t('dishes.addLabel', { dish: product.name })}
                  disabled={product.stock === 0}
                  onClick={() => onAdd(product)}
                >
                  {t('dishes.add')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </ListView>
    </Card>
  );
};
