import type { BalanceDto, ErrorReason, OrderDto, OrderItem, PlaceOrderInput, SlotAvailability } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, errorReason, isNetworkError, suggestedSlots } from './errors';
import { i18next } from './i18n';
import { formatMoney } from './money';
import { trpc } from './trpc';

type PlaceOrderOptions = {
  /** At the till: the person the order is for, whose wallet pays. Absent for the signed-in person's own order. */
  customer?: { id: string; name: string } | null;
  /** The paying wallet, asked again to say how much is in it when the money does not reach. */
  wallet: { data?: BalanceDto | undefined; refetch: () => Promise<{ data?: BalanceDto | undefined }> };
  /** The basket's idempotency key: the same for every attempt at one basket, so a retry cannot charge twice. */
  checkoutKey: () => string;
  /** The server saw this key with another basket: the next attempt needs a new one. */
  onKeyRejected: () => void;
  /** Runs as soon as the order is in, before the wallets, order lists and stock are fetched again. */
  onPlaced: (order: OrderDto) => void;
  /** The pickup time asked for was full or gone: the free ones the API offers instead, earliest first. */
  onSlotRefused?: (nextSlots: SlotAvailability[]) => void;
};

/** When and where the order is picked up: the day (today when left out) and a slot of it. */
export type Pickup = Pick<PlaceOrderInput, 'pickupDay' | 'slotId'>;

/** Reasons that say the day's dishes or pickup times have changed since the screen read them. */
const DAY_CHANGED = new Set<ErrorReason | undefined>([
  'OUT_OF_STOCK',
  'PRODUCT_UNAVAILABLE',
  'PRODUCT_NOT_PLANNED',
  'SLOT_FULL',
  'SLOT_NOT_AVAILABLE',
  'PICKUP_DAY_NOT_ORDERABLE',
]);

/**
 * Checkout, for the cart and the till: places the order, keeps its receipt at hand and refreshes what the order
 * changed. When it fails, `error` says in plain words what happened and what to do.
 */
export const usePlaceOrder = ({ customer, wallet, checkoutKey, onKeyRejected, onPlaced, onSlotRefused }: PlaceOrderOptions) => {
  const queryClient = useQueryClient();
  const place = useMutation(trpc.order.place.mutationOptions());
  const [error, setError] = useState<{ message: string; reason: ErrorReason | undefined } | null>(null);

  const explain = async (caught: unknown, totalCents: number): Promise<string> => {
    const reason = errorReason(caught);
    if (reason === 'INSUFFICIENT_FUNDS') {
      const fresh = await wallet.refetch();
      const have = formatMoney(fresh.data?.totalCents ?? wallet.data?.totalCents ?? 0);
      const total = formatMoney(totalCents);
      return customer
        ? i18next.t('errors:checkout.notEnoughForCustomer', { name: customer.name, have, total })
        : i18next.t('errors:checkout.notEnough', { have, total });
    }
    if (isNetworkError(caught)) {
      return i18next.t(customer ? 'errors:checkout.unreachableForCustomer' : 'errors:checkout.unreachable');
    }
    if (reason === 'IDEMPOTENCY_MISMATCH') onKeyRejected();
    if (reason === 'SLOT_FULL' || reason === 'SLOT_NOT_AVAILABLE') {
      const next = suggestedSlots(caught);
      onSlotRefused?.(next);
      if (next[0]) {
        return i18next.t(reason === 'SLOT_FULL' ? 'errors:checkout.slotFull' : 'errors:checkout.slotGone', {
          time: next[0].startsAt,
        });
      }
      if (reason === 'SLOT_FULL') return i18next.t('errors:checkout.noSlotLeft');
    }
    const text = errorMessage(caught);
    const isBasketProblem = reason === 'OUT_OF_STOCK' || reason === 'PRODUCT_UNAVAILABLE' || reason === 'PRODUCT_NOT_PLANNED';
    return isBasketProblem && !customer
      ? i18next.t('errors:checkout.changeCart', { message: `${text}${text.endsWith('.') ? '' : '.'}` })
      : text;
  };

  /** The order, or null when it failed (then `error` says why). */
  const placeOrder = async (items: OrderItem[], totalCents: number, pickup: Pickup = {}): Promise<OrderDto | null> => {
    setError(null);
    // Without a network the request could only hang until the browser gives up: say so at once.
    if (!navigator.onLine) {
      setError({ message: i18next.t('app:offline.ordering'), reason: undefined });
      return null;
    }
    try {
      const order = await place.mutateAsync({
        items,
        idempotencyKey: checkoutKey(),
        ...(customer ? { userId: customer.id } : {}),
        ...(pickup.pickupDay ? { pickupDay: pickup.pickupDay } : {}),
        ...(pickup.slotId ? { slotId: pickup.slotId } : {}),
      });
      queryClient.setQueryData(trpc.order.byId.queryKey({ id: order.id }), order);
      onPlaced(order);
      await Promise.all([
        queryClient.invalidateQueries(trpc.wallet.pathFilter()),
        queryClient.invalidateQueries(trpc.order.list.pathFilter()),
        queryClient.invalidateQueries(trpc.product.pathFilter()),
        // What is left of the day's slots and daily dishes.
        queryClient.invalidateQueries(trpc.slot.pathFilter()),
        queryClient.invalidateQueries(trpc.plan.pathFilter()),
      ]);
      return order;
    } catch (caught) {
      const reason = errorReason(caught);
      setError({ message: await explain(caught, totalCents), reason });
      // Someone else bought the last one, it left the menu or the day's plan, or the pickup time filled up: show
      // the dishes and the times as they are now.
      if (DAY_CHANGED.has(reason)) {
        await Promise.all([
          queryClient.invalidateQueries(trpc.product.pathFilter()),
          queryClient.invalidateQueries(trpc.slot.pathFilter()),
          queryClient.invalidateQueries(trpc.plan.pathFilter()),
        ]);
      }
      return null;
    }
  };

  return {
    placeOrder,
    error: error?.message ?? null,
    /** Why the last attempt failed, e.g. INSUFFICIENT_FUNDS (the cart then shows the shortfall instead). */
    errorReason: error?.reason,
    clearError: () => setError(null),
    isPending: place.isPending,
  };
};
