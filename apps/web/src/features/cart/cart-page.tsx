import {
  type BalanceDto,
  type ChosenOption,
  MAX_KITCHEN_NOTE_LENGTH,
  type ProductDto,
  plainNote,
  resolveOptions,
} from '@canteen/shared';
import { basketLineKey } from '@canteen/shared/rules';
import { type UseQueryResult, useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreditCard, ShoppingBasket, Wallet } from 'lucide-react';
import { Alert } from '../../components/alert';
import { BrowseMenuButton } from '../../components/browse-menu-button';
import { BasketQuantity, CheckoutButton, RemoveFromBasket } from '../../components/checkout';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { Input } from '../../components/input';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { StockBadge } from '../../components/stock-badge';
import { type CartLine, useCart } from '../../lib/cart-store';
import { errorCode, errorMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { formatPickupDay, offerOn, slotToBook } from '../../lib/pickup';
import { topUpForShortfall } from '../../lib/top-up';
import { trpc } from '../../lib/trpc';
import { useOnline } from '../../lib/use-online';
import { useDayPlan, usePickupDays } from '../../lib/use-pickup';
import { usePlaceOrder } from '../../lib/use-place-order';
import { useStartTopUp } from '../../lib/use-top-up';
import { cn } from '../../lib/utils';
import { PickupChoice, canOrderFor } from './pickup-choice';

/**
 * A cart line with its dish. `stock`: how many are left on the cart's day (a daily dish: of that day's plan; null:
 * not counted); `isNotServed`: a daily dish that day's plan does not list.
 */
type Line = CartLine & {
  key: string;
  product: ProductDto | undefined;
  isLoading: boolean;
  isGone: boolean;
  stock: number | null;
  isNotServed: boolean;
  /** The options chosen as the dish offers them now; null when one is no longer offered (or the choice is incomplete). */
  options: ChosenOption[] | null;
  /** The dish's price with its options, per piece. */
  unitCents: number;
};

/** A line's options against its dish as it is now. */
const chosenOptions = (product: ProductDto | undefined, optionIds: readonly string[] | undefined) => {
  if (!product) return { options: [] as ChosenOption[], deltaCents: 0 };
  const resolved = resolveOptions(product.optionGroups, optionIds ?? []);
  return resolved.ok ? { options: resolved.chosen, deltaCents: resolved.deltaCents } : { options: null, deltaCents: 0 };
};

/** A pickup slot of a day: the one chosen there, or the one sent with a checkout that may have gone through. */
type DaySlot = { day: string; slotId: string };

export const CartPage = () => {
  const { t } = useTranslation('cart');
  const { t: app } = useTranslation('app');
  const isOnline = useOnline();
  const cart = useCart();
  const navigate = useNavigate();
  const pickup = usePickupDays();
  const day = pickup.dayOf(cart.pickupDay);
  const plan = useDayPlan(day);
  // Fresh on every visit: what is left in each slot changes with every order.
  const slots = useQuery({ ...trpc.slot.day.queryOptions({ day }), staleTime: 0 });
  const [chosenSlot, setChosenSlot] = useState<DaySlot | null>(null);
  // Sent with a checkout whose answer may have been lost: a retry asks for the same slot, even if it now looks full.
  const [sentSlot, setSentSlot] = useState<DaySlot | null>(null);
  const daySlots = slots.data?.slots ?? [];
  const isSentSlotShown = sentSlot?.day === day && daySlots.some((slot) => slot.id === sentSlot.slotId);
  const slotId = isSentSlotShown ? sentSlot.slotId : slotToBook(daySlots, chosenSlot?.day === day ? chosenSlot.slotId : null);
  const productQueries = useQueries({
    queries: cart.lines.map((line) => trpc.product.byId.queryOptions({ id: line.productId })),
  });
  const lines: Line[] = cart.lines.map((line, index) => {
    const query = productQueries[index];
    const product = query?.data;
    const offer = product ? offerOn(product, plan.planned) : null;
    const { options, deltaCents } = chosenOptions(product, line.optionIds);
    return {
      ...line,
      key: basketLineKey(line),
      product,
      options,
      unitCents: (product?.priceCents ?? 0) + deltaCents,
      // A daily dish waits for its day's plan.
      isLoading: Boolean(query?.isPending) || (product?.isScheduled === true && plan.query.isPending),
      isGone: errorCode(query?.error) === 'NOT_FOUND' || product?.isActive === false,
      stock: offer ? offer.stock : null,
      isNotServed: offer !== null && !offer.isServed && plan.planned !== undefined,
    };
  });
  const totalCents = lines.reduce((sum, line) => sum + line.unitCents * line.quantity, 0);
  const isLoading = lines.some((line) => line.isLoading);
  const problems = lines.filter(
    (line) =>
      line.isGone ||
      (line.product && line.options === null) ||
      (line.stock !== null && cart.quantityOf(line.productId) > line.stock),
  );
  const notServed = lines.filter((line) => line.isNotServed && !line.isGone);
  const balance = useQuery(trpc.wallet.balance.queryOptions({}));
  const checkout = usePlaceOrder({
    wallet: balance,
    checkoutKey: cart.checkoutKey,
    onKeyRejected: cart.resetCheckoutKey,
    onPlaced: cart.clear,
    // That slot filled up meanwhile: the first free one the API names is chosen instead.
    onSlotRefused: (next) => {
      setSentSlot(null);
      setChosenSlot(next[0] ? { day, slotId: next[0].id } : null);
    },
  });
  const isPickupReady = canOrderFor({ today: pickup.today, day, slotId }, slots.data);

  // What the wallet is short of, once both the basket and the balance are known.
  const shortfallCents = !isLoading && balance.data ? Math.max(0, totalCents - balance.data.totalCents) : 0;

  const onPlace = async () => {
    const items = cart.lines.map(({ productId, quantity, optionIds, note }) => ({
      productId,
      quantity,
      ...(optionIds?.length ? { optionIds } : {}),
      ...(note ? { note } : {}),
    }));
    setSentSlot(slotId ? { day, slotId } : null);
    const order = await checkout.placeOrder(items, totalCents, { pickupDay: day, ...(slotId ? { slotId } : {}) });
    if (order) await navigate({ to: '/orders/$orderId', params: { orderId: order.id }, search: { placed: true } });
  };
  const chooseDay = (next: string) => {
    cart.setPickupDay(next);
    setSentSlot(null);
    checkout.clearError();
  };
  const chooseSlot = (next: string) => {
    setChosenSlot({ day, slotId: next });
    setSentSlot(null);
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
                key={line.key}
                line={line}
                day={day}
                onQuantity={(quantity) => cart.setQuantity(line, quantity)}
                onRemove={() => cart.remove(line)}
                onNote={(note) => cart.setNote(line, note)}
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
            <PickupChoice
              today={pickup.today}
              days={pickup.days}
              day={day}
              onDayChange={chooseDay}
              slots={slots}
              slotId={slotId}
              onSlotChange={chooseSlot}
            />
            <div className="border-t border-zinc-100 pt-4">
              <WalletSummary balance={balance} totalCents={isLoading ? null : totalCents} />
            </div>
            {notServed.length ? (
              <Alert tone="warning" title={t('checkout.problemsTitle')}>
                {t('checkout.notServed', {
                  count: notServed.length,
                  names: notServed.map((line) => line.product?.name ?? t('line.aDish')).join(', '),
                  day: formatPickupDay(day),
                })}
              </Alert>
            ) : null}
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
            disabled={
              isLoading || problems.length > 0 || notServed.length > 0 || shortfallCents > 0 || !isOnline || !isPickupReady
            }
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

/** A line's note for the kitchen: shown, and written or changed in place. */
const LineNote = ({ line, onNote }: { line: Line; onNote: (note: string) => void }) => {
  const { t } = useTranslation('cart');
  const [draft, setDraft] = useState<string | null>(null);
  const name = line.product?.name ?? t('line.thisDish');
  if (draft === null) {
    return (
      <span className="flex flex-wrap items-center gap-x-2 text-sm">
        {line.note ? <span className="text-zinc-700 italic">“{line.note}”</span> : null}
        <Button
          variant="link"
          size="sm"
          className="h-auto p-0"
          aria-label={t(line.note ? 'line.editNoteFor' : 'line.addNoteFor', { dish: name })}
          onClick={() => setDraft(line.note ?? '')}
        >
          {line.note ? t('line.editNote') : t('line.addNote')}
        </Button>
      </span>
    );
  }
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onNote(plainNote(draft));
        setDraft(null);
      }}
    >
      <Input
        // Opened on purpose, to type a note: focus goes there.
        // biome-ignore lint/a11y/noAutofocus: see above
        autoFocus
        aria-label={t('line.noteFor', { dish: name })}
        maxLength={MAX_KITCHEN_NOTE_LENGTH}
        placeholder={t('line.notePlaceholder')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        className="h-8 min-w-0 flex-1 sm:max-w-72"
      />
      <Button type="submit" size="sm">
        {t('line.saveNote')}
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={() => setDraft(null)}>
        {t('line.cancelNote')}
      </Button>
    </form>
  );
};

type CartLineRowProps = {
  line: Line;
  day: string;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  onNote: (note: string) => void;
};

const CartLineRow = ({ line, day, onQuantity, onRemove, onNote }: CartLineRowProps) => {
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
  const isOverStock = line.stock !== null && line.quantity > line.stock;
  return (
    <li
      className={cn(
        'grid gap-3 px-5 py-4 sm:flex sm:items-center sm:px-6',
        (line.isGone || line.isNotServed) && 'bg-amber-50/60',
      )}
    >
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="font-medium text-zinc-900">{line.isGone ? (line.product?.name ?? t('line.aDish')) : name}</span>
        {line.isGone ? (
          <span className="text-sm text-amber-900">{t('line.gone')}</span>
        ) : line.isNotServed ? (
          <span className="text-sm text-amber-900">{t('line.notServed', { day: formatPickupDay(day) })}</span>
        ) : (
          <>
            {line.options === null ? (
              <span className="text-sm text-amber-900">{t('line.optionsChanged')}</span>
            ) : line.options.length ? (
              <span className="text-sm text-zinc-700" data-testid="cart-line-options">
                {line.options.map((option) => `${option.groupName}: ${option.name}`).join(' · ')}
              </span>
            ) : null}
            <span className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
              {t('line.each', { price: formatMoney(line.unitCents) })}
              <StockBadge stock={line.stock} />
              {isOverStock ? <span className="text-amber-900">{t('line.onlyLeft', { stock: line.stock })}</span> : null}
            </span>
            <LineNote line={line} onNote={onNote} />
          </>
        )}
      </div>
      <div className="flex items-center justify-between gap-4">
        {line.isGone || line.isNotServed ? null : (
          <BasketQuantity itemName={name} quantity={line.quantity} stock={line.stock} onChange={onQuantity} />
        )}
        <span className="w-20 text-right font-medium text-zinc-900 tabular-nums">
          {line.isGone || line.isNotServed ? '—' : formatMoney(line.unitCents * line.quantity)}
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
