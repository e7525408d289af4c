import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { KitchenTicketSchema } from './kitchen';
import { OrderStatusSchema } from './order';
import { DaySchema } from './schedule';

/**
 * What open screens are told as it happens (`live.events`, docs/adr/0014-kitchen-and-live-events.md). Each event
 * carries an id; a screen that reconnects sends the last one it got and receives what it missed, or `resync` when
 * that is older than the replay window (then it reloads what it shows).
 */
export const LiveEventSchema = z.discriminatedUnion('type', [
  /** One of the person's own orders moved. */
  z.object({ type: z.literal('order'), orderId: IdSchema, status: OrderStatusSchema, statusChangedAt: IsoDateSchema }),
  /** The person's balance changed (an order, a refund, a credit, a top-up): reload it. */
  z.object({ type: z.literal('wallet') }),
  /** Dishes whose stock or availability changed; `stock` null: not counted. */
  z.object({
    type: z.literal('menu'),
    products: z.array(z.object({ id: IdSchema, stock: z.number().int().nullable(), isActive: z.boolean() })),
  }),
  /**
   * Pickup slots of a day whose places changed (an order booked one, moved, or gave one back): what each has left
   * now, so an open slot picker follows the rush.
   */
  z.object({
    type: z.literal('slots'),
    day: DaySchema,
    slots: z.array(z.object({ id: IdSchema, left: z.number().int().nonnegative() })),
  }),
  /** A new notification for the person: the bell's count and list reload. */
  z.object({ type: z.literal('notification') }),
  /** For the kitchen: a ticket appeared or moved (including leaving the display). */
  z.object({ type: z.literal('ticket'), ticket: KitchenTicketSchema }),
  /**
   * The stream is live: every change from here on will be delivered. Sent once per connection, after any replay;
   * a screen reloads what it shows then, covering what changed before it subscribed.
   */
  z.object({ type: z.literal('live') }),
  /** Events were missed (the replay window passed): reload everything shown. */
  z.object({ type: z.literal('resync') }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;

export const LiveEventsInputSchema = z.object({
  /** Set by the client on reconnect: the id of the last event received. */
  lastEventId: z.string().max(64).nullish(),
  /** Also receive the kitchen's tickets (kitchen staff, managers and admins). */
  kitchen: z.boolean().optional(),
});
export type LiveEventsInput = z.infer<typeof LiveEventsInputSchema>;

/**
 * What opens the person's live-event stream (`live.ticket`): sent as the stream's connection parameter `ticket`
 * instead of the access token, it is good for `live.events` only and for a minute.
 */
export const LiveTicketSchema = z.object({ ticket: z.string(), expiresAt: IsoDateSchema });
export type LiveTicket = z.infer<typeof LiveTicketSchema>;
