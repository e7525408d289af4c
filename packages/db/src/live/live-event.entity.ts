import { defineEntity, p } from '@mikro-orm/core';

/** Who may receive an event: every signed-in person, the kitchen (staff, managers, admins), or one person. */
export const LIVE_AUDIENCES = ['all', 'kitchen', 'user'] as const;
export type LiveAudience = (typeof LIVE_AUDIENCES)[number];

/**
 * What open screens are told (docs/adr/0014-kitchen-and-live-events.md): an outbox written in the transaction of
 * the change it describes, so an event exists exactly when its change committed. `xid` is the writing
 * transaction's id: readers deliver events in (xid, id) order, and only those of transactions older than every
 * transaction still running, so a later event is never delivered before an earlier one that commits late and a
 * reconnecting screen resumes from its last (xid, id) without a gap. Rows older than the replay window are deleted
 * by the `live-events-prune` job. Written with set-based inserts (`recordLiveEvents`), never through the unit of
 * work, and not audited: the change it describes is.
 */
export const LiveEventSchema = defineEntity({
  name: 'LiveEvent',
  tableName: 'live_event',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    xid: p.string().columnType('xid8').defaultRaw('pg_current_xact_id()'),
    createdAt: p.datetime().defaultRaw('now()').index(),
    audience: p.string().length(16),
    /** The one person an `user` event is for. */
    userId: p.uuid().nullable(),
    payload: p.json<Record<string, unknown>>(),
  },
  indexes: [{ properties: ['xid', 'id'] }],
});

export class LiveEvent extends LiveEventSchema.class {}
LiveEventSchema.setClass(LiveEvent);
