import type { KitchenTicket, SlotsOfDay } from '@canteen/shared';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyLiveEvent, withTicket } from './live-events';
import { trpc } from './trpc';

const TODAY = '2026-12-06';

const ticket = (id: string, status: KitchenTicket['status'], createdAt: string): KitchenTicket => ({
  id,
  status,
  userName: 'Eli',
  isTillOrder: false,
  createdAt,
  statusChangedAt: createdAt,
  pickupDay: '2026-12-06',
  pickupAt: null,
  lines: [{ productId: 'soup', productName: 'Soup', quantity: 1, options: [], note: null }],
});

describe('withTicket', () => {
  const older = ticket('a', 'placed', '2026-12-06T11:00:00.000Z');
  const newer = ticket('b', 'placed', '2026-12-06T11:05:00.000Z');

  it('adds a new ticket in age order and counts it all day', () => {
    const queue = withTicket({ tickets: [newer], allDay: [] }, older, TODAY);
    expect(queue.tickets.map((t) => t.id)).toEqual(['a', 'b']);
    expect(queue.allDay).toEqual([{ productId: 'soup', productName: 'Soup', quantity: 2 }]);
  });

  it('moves a ticket in place and drops it once it closes', () => {
    const moved = withTicket({ tickets: [older, newer], allDay: [] }, { ...older, status: 'ready' }, TODAY);
    expect(moved.tickets.map((t) => [t.id, t.status])).toEqual([
      ['a', 'ready'],
      ['b', 'placed'],
    ]);
    expect(moved.allDay[0]?.quantity).toBe(1);
    expect(withTicket(moved, { ...older, status: 'collected' }, TODAY).tickets.map((t) => t.id)).toEqual(['b']);
  });

  it('keeps a pre-order for a later day off the display, and puts slots in pickup order', () => {
    const tomorrow = { ...ticket('c', 'placed', '2026-12-06T09:00:00.000Z'), pickupDay: '2026-12-07' };
    expect(withTicket({ tickets: [older], allDay: [] }, tomorrow, TODAY).tickets.map((t) => t.id)).toEqual(['a']);
    // Placed first, but for the 12:30 slot: after the walk-ups of 12:00 and 12:05.
    const slotted = { ...ticket('d', 'placed', '2026-12-06T10:00:00.000Z'), pickupAt: '2026-12-06T11:30:00.000Z' };
    const queue = withTicket({ tickets: [older, newer], allDay: [] }, slotted, TODAY);
    expect(queue.tickets.map((t) => t.id)).toEqual(['a', 'b', 'd']);
  });
});

const slot = (id: string, startsAt: string, left: number) => ({
  id,
  startsAt,
  at: `2026-12-07T${startsAt}:00.000Z`,
  capacity: 25,
  left,
  isOpen: true,
});

describe('a slots event', () => {
  const monday: SlotsOfDay = {
    day: '2026-12-07',
    isOrderable: true,
    cutoffAt: '2026-12-07T10:30:00.000Z',
    slots: [slot('s1', '11:30', 3), slot('s2', '11:45', 25)],
  };
  const noop = { onOrderReady: () => undefined };

  it('updates what is left in the open slot picker of that day only', () => {
    const queryClient = new QueryClient();
    const tuesday = { ...monday, day: '2026-12-08' };
    queryClient.setQueryData(trpc.slot.day.queryKey({ day: monday.day }), monday);
    queryClient.setQueryData(trpc.slot.day.queryKey({ day: tuesday.day }), tuesday);
    applyLiveEvent(queryClient, { type: 'slots', day: monday.day, slots: [{ id: 's1', left: 2 }] }, noop);
    expect(queryClient.getQueryData(trpc.slot.day.queryKey({ day: monday.day }))?.slots.map((s) => s.left)).toEqual([2, 25]);
    expect(queryClient.getQueryData(trpc.slot.day.queryKey({ day: tuesday.day }))?.slots.map((s) => s.left)).toEqual([3, 25]);
  });

  it('leaves a day nobody looked at unfetched', () => {
    const queryClient = new QueryClient();
    applyLiveEvent(queryClient, { type: 'slots', day: monday.day, slots: [{ id: 's1', left: 0 }] }, noop);
    expect(queryClient.getQueryData(trpc.slot.day.queryKey({ day: monday.day }))).toBeUndefined();
  });
});
