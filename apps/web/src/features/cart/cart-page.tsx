import type { BalanceDto, ProductDto } from '@canteen/shared';
import { type UseQueryResult, useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
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
import { usePlaceOrder } from '../../lib/use-place-order';
import { useStartTopUp } from '../../lib/use-top-up';
import { cn } from '../../lib/utils';

type Line = CartLine & { product: ProductDto | undefined; isLoading: boolean; isGone: boolean };

export const CartPage = () => {
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
        <PageHeader title="Cart" description="Pick dishes from the menu, then pay for them here from your wallet." />
        <Card>
          <EmptyState
            icon={ShoppingBasket}
            title="Your cart is empty"
            description="Add dishes from the menu and they will wait here, even if you close the page."
            action={<BrowseMenuButton />}
          />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Cart" description="Check your order, then pay for it from your wallet." />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <CardHeader>
            <CardTitle>Your order</CardTitle>
            <CardDescription>Prices are today's; they are fixed when you place the order.</CardDescription>
          </CardHeader>
          <ul aria-label="Dishes in your cart" className="divide-y divide-zinc-100">
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
              Empty cart
            </Button>
            <p className="text-sm text-zinc-700">
              Subtotal{' '}
              <span data-testid="cart-subtotal" className="ml-1 text-base font-semibold text-zinc-900 tabular-nums">
                {isLoading ? '…' : formatMoney(totalCents)}
              </span>
            </p>
          </CardFooter>
        </Card>
        <Card className="lg:sticky lg:top-24">
          <CardHeader>
            <CardTitle>Checkout</CardTitle>
            <CardDescription>The oldest money in your wallet is spent first.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <WalletSummary balance={balance} totalCents={isLoading ? null : totalCents} />
            {problems.length ? (
              <Alert tone="warning" title="Some dishes need a change">
                {problems.map((line) => line.product?.name ?? 'A dish').join(', ')} {problems.length === 1 ? 'is' : 'are'} no
                longer available in that quantity. Change or remove {problems.length === 1 ? 'it' : 'them'} to continue.
              </Alert>
            ) : null}
            {shortfallCents > 0 ? <Shortfall shortfallCents={shortfallCents} /> : null}
            {/* Refused for want of money: the shortfall above already says it, with the balance asked again. */}
            {checkout.error && !(shortfallCents > 0 && checkout.errorReason === 'INSUFFICIENT_FUNDS') ? (
              <Alert>{checkout.error}</Alert>
            ) : null}
          </CardContent>
          <CheckoutButton
            isPending={checkout.isPending}
            disabled={isLoading || problems.length > 0 || shortfallCents > 0}
            onClick={() => void onPlace()}
          >
            {checkout.isPending ? 'Placing order…' : `Place order · ${isLoading ? '…' : formatMoney(totalCents)}`}
          </CheckoutButton>
        </Card>
      </div>
    </>
  );
};

type CartLineRowProps = { line: Line; onQuantity: (quantity: number) => void; onRemove: () => void };

const CartLineRow = ({ line, onQuantity, onRemove }: CartLineRowProps) => {
  const name = line.product?.name ?? 'Dish';
  if (line.isLoading) {
    return (
      <li className="flex items-center gap-4 px-5 py-4 sm:px-6">
        <div className="h-4 w-48 animate-pulse rounded bg-zinc-100" />
        <span className="sr-only">Loading a dish</span>
      </li>
    );
  }
  const isOverStock = line.product?.stock !== null && line.product !== undefined && line.quantity > line.product.stock;
  return (
    <li className={cn('grid gap-3 px-5 py-4 sm:flex sm:items-center sm:px-6', line.isGone && 'bg-amber-50/60')}>
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="font-medium text-zinc-900">{line.isGone ? (line.product?.name ?? 'A dish') : name}</span>
        {line.isGone ? (
          <span className="text-sm text-amber-900">No longer on the menu. Remove it to continue.</span>
        ) : (
          <span className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
            {formatMoney(line.product?.priceCents ?? 0)} each
            <StockBadge stock={line.product?.stock ?? null} />
            {isOverStock ? <span className="text-amber-900">Only {line.product?.stock} left</span> : null}
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
        <RemoveFromBasket itemName={line.product?.name ?? 'this dish'} onRemove={onRemove} />
      </div>
    </li>
  );
};

type WalletSummaryProps = { balance: UseQueryResult<BalanceDto, unknown>; totalCents: number | null };

const WalletSummary = ({ balance, totalCents }: WalletSummaryProps) => {
  if (balance.isPending) return <PageSpinner label="Loading your wallet" />;
  if (balance.isError) return <Alert>{errorMessage(balance.error)}</Alert>;
  const payers = balance.data.byPayer.filter((payer) => payer.amountCents !== 0);
  const afterCents = totalCents === null ? null : balance.data.totalCents - totalCents;
  return (
    <div className="grid gap-3">
      <section aria-labelledby="wallet-summary" className="grid gap-2">
        <h3 id="wallet-summary" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          <Wallet aria-hidden className="size-4 text-zinc-500" />
          Your wallet
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
          <p className="text-sm text-zinc-600">There is no money in your wallet yet.</p>
        )}
      </section>
      <dl className="grid gap-1.5 border-t border-zinc-100 pt-3 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-zinc-700">Balance</dt>
          <dd data-testid="checkout-balance" className="font-medium text-zinc-900 tabular-nums">
            {formatMoney(balance.data.totalCents)}
          </dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-zinc-700">This order</dt>
          <dd className="font-medium text-zinc-900 tabular-nums">{totalCents === null ? '…' : `−${formatMoney(totalCents)}`}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-zinc-100 pt-1.5">
          <dt className="font-semibold text-zinc-900">Balance after</dt>
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
  const options = useQuery(trpc.payment.options.queryOptions());
  const topUp = useStartTopUp('cart');
  const missing = `You need ${formatMoney(shortfallCents)} more.`;
  if (options.isPending) {
    return (
      <Alert tone="warning" title={missing}>
        Checking how you can top up…
      </Alert>
    );
  }
  if (options.isError)
    return (
      <Alert tone="warning" title={missing}>
        Remove something, or top up from your wallet.
      </Alert>
    );
  const plan = topUpForShortfall(shortfallCents, options.data);
  if (plan.kind === 'impossible') {
    const why = {
      disabled: 'Card top-ups are not available here: remove something, or ask your canteen manager for a credit.',
      daily_limit_reached: "You have reached today's card top-up limit: remove something, or top up again tomorrow.",
      over_maximum: `That is more than one card top-up can add (${formatMoney(options.data.maxCents)}): remove something, or top up from your wallet more than once.`,
      over_today: `Only ${formatMoney(options.data.remainingTodayCents)} more can be topped up today: remove something to continue.`,
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
        Top up by card, then come back here to place your order; your cart stays as it is.
      </Alert>
      {topUp.error ? <Alert>{errorMessage(topUp.error)}</Alert> : null}
      <Button variant="secondary" onClick={() => topUp.start(plan.amountCents)} isLoading={topUp.isPending}>
        {topUp.isPending ? null : <CreditCard aria-hidden />}
        Top up {formatMoney(plan.amountCents)}
      </Button>
    </div>
  );
};
