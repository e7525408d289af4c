import type { BalanceDto, ProductDto } from '@canteen/shared';
import { type UseQueryResult, useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CreditCard, ShoppingBasket, Wallet } from 'lucide-react';
import { Alert } from '../../components/alert';
import { BrowseMenuButton } from '../../components/browse-menu-button';
import { BasketQuantity, CheckoutButton, RemoveFromBasket } from '../../components/checkout';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { StockBadge } from '../../components/stock-badge';
import { type CartLine, useCart } from '../../lib/cart-store';
import { errorCode, errorMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { topUpForShortfall } from '../../lib/top-up';
import { trpc } from '../../lib/trpc';
import { useOnline } from '../../lib/use-online';
import { usePlaceOrder } from '../../lib/use-place-order';
import { useStartTopUp } from '../../lib/use-top-up';
import { cn } from '../../lib/utils';

type Line = CartLine & { product: ProductDto | undefined; isLoading: boolean; isGone: boolean };

export const CartPage = () => {
  const { t } = useTranslation('cart');
  const { t: app } = useTranslation('app');
  const isOnline = useOnline();
  const cart = useCart();
  const navigate = useNavigate();
  const productQueries = useQueries({
    queries: cart.lines.map((line) => trpc.product.byId.queryOptions({ id: line.productId })),
  });
  const lines: Line[] = cart.lines.map((line, index) => {
    const query = productQueries[index];
    const product = query?.data;
    return {
      ...line,
      product,
      isLoading: Boolean(query?.isPending),
      isGone: errorCode(query?.error) === 'NOT_FOUND' || product?.isActive === false,
    };
  });
  const totalCents = lines.reduce((sum, line) => sum + (line.product?.priceCents ?? 0) * line.quantity, 0);
  const isLoading = lines.some((line) => line.isLoading);
  const problems = lines.filter(
    (line) => line.isGone || (line.product?.stock !== null && line.product !== undefined && line.quantity > line.product.stock),
  );
  const balance = useQuery(trpc.wallet.balance.queryOptions({}));
  const checkout = usePlaceOrder({
    wallet: balance,
    checkoutKey: cart.checkoutKey,
    onKeyRejected: cart.resetCheckoutKey,
    onPlaced: cart.clear,
  });

  // What the wallet is short of, once both the basket and the balance are known.
  const shortfallCents = !isLoading && balance.data ? Math.max(0, totalCents - balance.data.totalCents) : 0;

  const onPlace = async () => {
    const items = cart.lines.map(({ productId, quantity }) => ({ productId, quantity }));
    const order = await checkout.placeOrder(items, totalCents);
    if (order) await navigate({ to: '/orders/$orderId', params: { orderId: order.id }, search: { placed: true } });
  };

  if (cart.lines.length === 0) {
    return (
      <>
        <PageHeader title={t('title')} description={t('emptyDescription')} />
        <Card>
          <EmptyState
            icon={ShoppingBasket}
            title={t('empty.title')}
            description={t('empty.description')}
            action={<BrowseMenuButton />}
          />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <CardHeader>
            <CardTitle>{t('order.title')}</CardTitle>
            <CardDescription>{t('order.description')}</CardDescription>
          </CardHeader>
          <ul aria-label={t('order.dishes')} className="divide-y divide-zinc-100">
            {lines.map((line) => (
              <CartLineRow
                key={line.productId}
                line={line}
                onQuantity={(quantity) => cart.setQuantity(line.productId, quantity)}
                onRemove={() => cart.remove(line.productId)}
              />
            ))}
          </ul>
          <CardFooter className="justify-between">
            <Button variant="ghost" size="sm" onClick={() => cart.clear()}>
              {t('order.emptyCart')}
            </Button>
            <p className="text-sm text-zinc-700">
              {t('order.subtotal')}{' '}
              <span data-testid="cart-subtotal" className="ml-1 text-base font-semibold text-zinc-900 tabular-nums">
                {isLoading ? '…' : formatMoney(totalCents)}
              </span>
            </p>
          </CardFooter>
        </Card>
        <Card className="lg:sticky lg:top-24">
          <CardHeader>
            <CardTitle>{t('checkout.title')}</CardTitle>
            <CardDescription>{t('checkout.description')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <WalletSummary balance={balance} totalCents={isLoading ? null : totalCents} />
            {problems.length ? (
              <Alert tone="warning" title={t('checkout.problemsTitle')}>
                {t('checkout.problems', {
                  count: problems.length,
                  names: problems.map((line) => line.product?.name ?? t('line.aDish')).join(', '),
                })}
              </Alert>
            ) : null}
            {shortfallCents > 0 ? <Shortfall shortfallCents={shortfallCents} /> : null}
            {/* Refused for want of money: the shortfall above already says it, with the balance asked again. */}
            {checkout.error && !(shortfallCents > 0 && checkout.errorReason === 'INSUFFICIENT_FUNDS') ? (
              <Alert>{checkout.error}</Alert>
            ) : null}
          </CardContent>
          {isOnline ? null : (
            <CardContent className="pt-0">
              <Alert tone="warning">{app('offline.ordering')}</Alert>
            </CardContent>
          )}
          <CheckoutButton
            isPending={checkout.isPending}
            disabled={isLoading || problems.length > 0 || shortfallCents > 0 || !isOnline}
            onClick={() => void onPlace()}
          >
            {checkout.isPending
              ? t('checkout.placing')
              : t('checkout.place', { total: isLoading ? '…' : formatMoney(totalCents) })}
          </CheckoutButton>
        </Card>
      </div>
    </>
  );
};

type CartLineRowProps = { line: Line; onQuantity: (quantity: number) => void; onRemove: () => void };

const CartLineRow = ({ line, onQuantity, onRemove }: CartLineRowProps) => {
  const { t } = useTranslation('cart');
  const name = line.product?.name ?? t('line.dish');
  if (line.isLoading) {
    return (
      <li className="flex items-center gap-4 px-5 py-4 sm:px-6">
        <div className="h-4 w-48 animate-pulse rounded bg-zinc-100" />
        <span className="sr-only">{t('line.loading')}</span>
      </li>
    );
  }
  const isOverStock = line.product?.stock !== null && line.product !== undefined && line.quantity > line.product.stock;
  return (
    <li className={cn('grid gap-3 px-5 py-4 sm:flex sm:items-center sm:px-6', line.isGone && 'bg-amber-50/60')}>
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="font-medium text-zinc-900">{line.isGone ? (line.product?.name ?? t('line.aDish')) : name}</span>
        {line.isGone ? (
          <span className="text-sm text-amber-900">{t('line.gone')}</span>
        ) : (
          <span className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
            {t('line.each', { price: formatMoney(line.product?.priceCents ?? 0) })}
            <StockBadge stock={line.product?.stock ?? null} />
            {isOverStock ? <span className="text-amber-900">{t('line.onlyLeft', { stock: line.product?.stock })}</span> : null}
          </span>
        )}
      </div>
      <div className="flex items-center justify-between gap-4">
        {line.isGone ? null : (
          <BasketQuantity itemName={name} quantity={line.quantity} stock={line.product?.stock ?? null} onChange={onQuantity} />
        )}
        <span className="w-20 text-right font-medium text-zinc-900 tabular-nums">
          {line.isGone ? '—' : formatMoney((line.product?.priceCents ?? 0) * line.quantity)}
        </span>
        <RemoveFromBasket itemName={line.product?.name ?? t('line.thisDish')} onRemove={onRemove} />
      </div>
    </li>
  );
};

type WalletSummaryProps = { balance: UseQueryResult<BalanceDto, unknown>; totalCents: number | null };

const WalletSummary = ({ balance, totalCents }: WalletSummaryProps) => {
  const { t } = useTranslation('cart');
  if (balance.isPending) return <PageSpinner label={t('wallet.loading')} />;
  if (balance.isError) return <Alert>{errorMessage(balance.error)}</Alert>;
  const payers = balance.data.byPayer.filter((payer) => payer.amountCents !== 0);
  const afterCents = totalCents === null ? null : balance.data.totalCents - totalCents;
  return (
    <div className="grid gap-3">
      <section aria-labelledby="wallet-summary" className="grid gap-2">
        <h3 id="wallet-summary" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          <Wallet aria-hidden className="size-4 text-zinc-500" />
          {t('wallet.title')}
        </h3>
        {payers.length ? (
          <dl className="grid gap-1.5 text-sm">
            {payers.map((payer) => (
              <div key={payer.payerId} className="flex justify-between gap-4">
                <dt className="text-zinc-700">{payer.payerName}</dt>
                <dd className="text-zinc-900 tabular-nums">{formatMoney(payer.amountCents)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-zinc-600">{t('wallet.noMoney')}</p>
        )}
      </section>
      <dl className="grid gap-1.5 border-t border-zinc-100 pt-3 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-zinc-700">{t('wallet.balance')}</dt>
          <dd data-testid="checkout-balance" className="font-medium text-zinc-900 tabular-nums">
            {formatMoney(balance.data.totalCents)}
          </dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-zinc-700">{t('wallet.thisOrder')}</dt>
          <dd className="font-medium text-zinc-900 tabular-nums">{totalCents === null ? '…' : `−${formatMoney(totalCents)}`}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-zinc-100 pt-1.5">
          <dt className="font-semibold text-zinc-900">{t('wallet.balanceAfter')}</dt>
          <dd
            className={cn('font-semibold tabular-nums', afterCents !== null && afterCents < 0 ? 'text-red-700' : 'text-zinc-900')}
          >
            {afterCents === null ? '…' : formatMoney(afterCents)}
          </dd>
        </div>
      </dl>
    </div>
  );
};

/**
 * The wallet cannot pay the basket: how much is missing, in one message, and a card top-up that covers it
 * (rounded up to a whole euro, within the limits) which brings the person back to this cart afterwards.
 */
const Shortfall = ({ shortfallCents }: { shortfallCents: number }) => {
  const { t } = useTranslation('cart');
  const options = useQuery(trpc.payment.options.queryOptions());
  const topUp = useStartTopUp('cart');
  const missing = t('shortfall.missing', { amount: formatMoney(shortfallCents) });
  if (options.isPending) {
    return (
      <Alert tone="warning" title={missing}>
        {t('shortfall.checking')}
      </Alert>
    );
  }
  if (options.isError)
    return (
      <Alert tone="warning" title={missing}>
        {t('shortfall.optionsFailed')}
      </Alert>
    );
  const plan = topUpForShortfall(shortfallCents, options.data);
  if (plan.kind === 'impossible') {
    const why = {
      disabled: t('shortfall.disabled'),
      daily_limit_reached: t('shortfall.dailyLimitReached'),
      over_maximum: t('shortfall.overMaximum', { max: formatMoney(options.data.maxCents) }),
      over_today: t('shortfall.overToday', { remaining: formatMoney(options.data.remainingTodayCents) }),
    }[plan.why];
    return (
      <Alert tone="warning" title={missing}>
        {why}
      </Alert>
    );
  }
  return (
    <div className="grid gap-3">
      <Alert tone="warning" title={missing}>
        {t('shortfall.byCard')}
      </Alert>
      {topUp.error ? <Alert>{errorMessage(topUp.error)}</Alert> : null}
      <Button variant="secondary" onClick={() => topUp.start(plan.amountCents)} isLoading={topUp.isPending}>
        {topUp.isPending ? null : <CreditCard aria-hidden />}
        {t('shortfall.topUp', { amount: formatMoney(plan.amountCents) })}
      </Button>
    </div>
  );
};
