import type { KitchenTicket } from '@canteen/shared';
import { describe, expect, it } from 'vitest';
import { withTicket } from './live-events';

const ticket = (id: string, status: KitchenTicket['status'], createdAt: string): KitchenTicket => ({
  id,
  status,
  userName: 'Eli',
  isTillOrder: false,
  createdAt,
  statusChangedAt: createdAt,
  lines: [{ productId: 'soup', productName: 'Soup', quantity: 1 }],
});

describe('withTicket', () => {
  const older = ticket('a', 'placed', '2026-12-06T11:00:00.000Z');
  const newer = ticket('b', 'placed', '2026-12-06T11:05:00.000Z');

  it('adds a new ticket in age order and counts it all day', () => {
    const queue = withTicket({ tickets: [newer], allDay: [] }, older);
    expect(queue.tickets.map((t) => t.id)).toEqual(['a', 'b']);
    expect(queue.allDay).toEqual([{ productId: 'soup', productName: 'Soup', quantity: 2 }]);
  });

  it('moves a ticket in place and drops it once it closes', () => {
    const moved = withTicket({ tickets: [older, newer], allDay: [] }, { ...older, status: 'ready' });
    expect(moved.tickets.map((t) => [t.id, t.status])).toEqual([
      ['a', 'ready'],
      ['b', 'placed'],
    ]);
    expect(moved.allDay[0]?.quantity).toBe(1);
    expect(withTicket(moved, { ...older, status: 'collected' }).tickets.map((t) => t.id)).toEqual(['b']);
  });
});
