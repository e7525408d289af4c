import type { KitchenQueue, KitchenTicket, LiveEvent } from '@canteen/shared';
import { allDayCounts, isOpen } from '@canteen/shared/lifecycle';
import { canAccess } from '@canteen/shared/rules';
import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { SessionUser } from './auth';
import { canteenToday } from './canteen-config';
import { orderNumber } from './format';
import { trpc } from './trpc';

/**
 * What open screens learn as it happens (`live.events`, server-sent events; docs/adr/0014-kitchen-and-live-events.md).
 * One stream per tab, opened by the app shell; each event updates the cached queries it concerns, so every page
 * showing them follows without a reload: an order's page and the order list, the balance, the menu's stock, the
 * kitchen display.
 */

type MenuProduct = { id: string; stock: number | null; isActive: boolean };
type ProductPage = { items: MenuProduct[]; nextCursor: string | null };

/** The connection as the kitchen display shows it. */
type LiveState = 'connecting' | 'live' | 'reconnecting';
let liveState: LiveState = 'connecting';
const listeners = new Set<() => void>();
const setLiveState = (next: LiveState) => {
  if (next === liveState) return;
  liveState = next;
  for (const listener of listeners) listener();
};
export const useLiveState = (): LiveState =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => liveState,
  );

/** Ticket order on the display, as the queue sends them: by pickup time (walk-ups as they came), then oldest first. */
const workOrder = (ticket: KitchenTicket) => ticket.pickupAt ?? ticket.createdAt;
const byAge = (a: KitchenTicket, b: KitchenTicket) =>
  workOrder(a).localeCompare(workOrder(b)) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * A ticket that appeared or moved, into the cached display; one that closed leaves it, and a pre-order for a later
 * day than `today` (the canteen's) waits for its day.
 */
export const withTicket = (queue: KitchenQueue, ticket: KitchenTicket, today: string): KitchenQueue => {
  const others = queue.tickets.filter((t) => t.id !== ticket.id);
  const isDue = isOpen(ticket.status) && ticket.pickupDay <= today;
  const tickets = isDue ? [...others, ticket].sort(byAge) : others;
  return { tickets, allDay: allDayCounts(tickets) };
};

/** New stock and availability into every cached page of the menu and the till. */
const patchProducts = (queryClient: QueryClient, products: MenuProduct[]) => {
  const changes = new Map(products.map((product) => [product.id, product]));
  const patch = (page: ProductPage): ProductPage => ({
    ...page,
    items: page.items.map((item) => {
      const change = changes.get(item.id);
      return change ? { ...item, stock: change.stock, isActive: change.isActive } : item;
    }),
  });
  queryClient.setQueriesData<ProductPage | InfiniteData<ProductPage>>({ queryKey: trpc.product.list.pathKey() }, (data) => {
    if (!data) return data;
    return 'pages' in data ? { ...data, pages: data.pages.map(patch) } : patch(data);
  });
  for (const product of products) {
    queryClient.setQueryData(trpc.product.byId.queryKey({ id: product.id }), (data) =>
      data ? { ...data, stock: product.stock, isActive: product.isActive } : data,
    );
  }
};

/** What the slots of a day have left, into an open slot picker of that day (a day not shown is not fetched). */
const patchSlots = (queryClient: QueryClient, day: string, slots: readonly { id: string; left: number }[]) => {
  const left = new Map(slots.map((slot) => [slot.id, slot.left]));
  queryClient.setQueryData(trpc.slot.day.queryKey({ day }), (data) =>
    data ? { ...data, slots: data.slots.map((slot) => ({ ...slot, left: left.get(slot.id) ?? slot.left })) } : data,
  );
};

/** Everything the stream keeps current, reloaded: after a gap it could not replay. */
const reloadAll = (queryClient: QueryClient) => {
  for (const key of [
    trpc.kitchen.queue.pathKey(),
    trpc.order.pathKey(),
    trpc.wallet.pathKey(),
    trpc.product.list.pathKey(),
    trpc.product.counts.pathKey(),
    trpc.slot.day.pathKey(),
    trpc.notification.list.pathKey(),
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
};

export const applyLiveEvent = (
  queryClient: QueryClient,
  event: LiveEvent,
  { onOrderReady }: { onOrderReady: (orderId: string) => void },
): void => {
  switch (event.type) {
    case 'order':
      void queryClient.invalidateQueries({ queryKey: trpc.order.byId.queryKey({ id: event.orderId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.order.list.pathKey() });
      if (event.status === 'ready') onOrderReady(event.orderId);
      return;
    case 'notification':
      void queryClient.invalidateQueries({ queryKey: trpc.notification.list.pathKey() });
      return;
    case 'wallet':
      void queryClient.invalidateQueries({ queryKey: trpc.wallet.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.payment.pathKey() });
      return;
    case 'menu':
      patchProducts(queryClient, event.products);
      // Counts by category and new or returning dishes need the server's answer.
      if (event.products.some((product) => !product.isActive || product.stock === 0)) {
        void queryClient.invalidateQueries({ queryKey: trpc.product.counts.pathKey() });
      }
      return;
    case 'slots':
      patchSlots(queryClient, event.day, event.slots);
      return;
    case 'ticket':
      queryClient.setQueryData(trpc.kitchen.queue.queryKey({}), (queue) =>
        queue ? withTicket(queue, event.ticket, canteenToday()) : queue,
      );
      return;
    case 'live':
    case 'resync':
      reloadAll(queryClient);
  }
};

/** tRPC hands a tracked event over as `{ id, data }` and the others as they are. */
const unwrap = (value: LiveEvent | { id: string; data: LiveEvent }): { event: LiveEvent; id: string | null } =>
  'data' in value && 'id' in value ? { event: value.data, id: value.id } : { event: value, id: null };

/** The tab's one stream: the signed-in person's events, and the kitchen's tickets on the kitchen display. */
export const LiveEvents = ({ user }: { user: SessionUser }) => {
  const queryClient = useQueryClient();
  const { t } = useTranslation('orders');
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const wantsKitchen = pathname === '/kitchen' && canAccess(user.role, 'kitchen');
  // Whether this stream has delivered an event with an id: a reconnect then replays what it missed; before that,
  // `live` means "reload, something may have changed since the page fetched".
  const hasId = useRef(false);
  useSubscription(
    trpc.live.events.subscriptionOptions(
      { kitchen: wantsKitchen },
      {
        onStarted: () => setLiveState('live'),
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && liveState === 'live') setLiveState('reconnecting');
        },
        onData: (value) => {
          const { event, id } = unwrap(value);
          if (event.type === 'live') {
            setLiveState('live');
            if (hasId.current) return;
          }
          if (id) hasId.current = true;
          applyLiveEvent(queryClient, event, {
            onOrderReady: (orderId) =>
              toast.success(t('live.ready', { number: orderNumber(orderId) }), {
                id: `ready-${orderId}`,
                description: t('live.readyHint'),
                duration: 15_000,
              }),
          });
        },
        onError: () => setLiveState('reconnecting'),
      },
    ),
  );
  return null;
};
