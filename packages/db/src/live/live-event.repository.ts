import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely } from '../query';
import type { LiveAudience } from './live-event.entity';

export type NewLiveEvent = { audience: LiveAudience; userId?: string | null; payload: Record<string, unknown> };

/** An event as read back; `key` ("xid:id") is its place in the delivery order and the id screens resume from. */
export type StoredLiveEvent = {
  key: string;
  xid: bigint;
  id: bigint;
  audience: LiveAudience;
  userId: string | null;
  payload: Record<string, unknown>;
};

/** A place in the delivery order: after every event up to (xid, id). */
export type LivePosition = { xid: bigint; id: bigint };

/** Writes events in the caller's transaction (one statement); they exist exactly when that transaction commits. */
export const recordLiveEvents = async (em: SqlEntityManager, events: readonly NewLiveEvent[]): Promise<void> => {
  if (events.length === 0) return;
  await kysely(em)
    .insertInto('LiveEvent')
    .values(events.map((event) => ({ audience: event.audience, userId: event.userId ?? null, payload: event.payload })))
    .execute();
};

export const liveKey = (position: LivePosition): string => `${position.xid}:${position.id}`;

/** "xid:id" back to a position; null for anything else (a client may send what it likes). */
export const parseLiveKey = (key: string | null | undefined): LivePosition | null => {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(key ?? '');
  return match ? { xid: BigInt(match[1]!), id: BigInt(match[2]!) } : null;
};

export const isAfter = (a: LivePosition, b: LivePosition): boolean => a.xid > b.xid || (a.xid === b.xid && a.id > b.id);

type Row = { xid: string; id: string; audience: LiveAudience; user_id: string | null; payload: Record<string, unknown> };

/**
 * The position before any event not yet delivered: every transaction of this database older than the oldest one
 * still running has ended, so nothing will ever be written below it (`live_horizon()`, the migration explains).
 */
export const liveHorizon = async (em: SqlEntityManager): Promise<LivePosition> => {
  const { rows } = await sql<{ xmin: string }>`select live_horizon()::text as xmin`.execute(kysely(em));
  return { xid: BigInt(rows[0]!.xmin), id: 0n };
};

/**
 * Events after `after`, in delivery order, from transactions that have all ended (below the horizon): an event of
 * a transaction still running, and everything after it, waits for the next read. `pending` says whether events
 * above the horizon are waiting, so the reader looks again soon.
 */
export const readLiveEvents = async (
  em: SqlEntityManager,
  after: LivePosition,
  limit = 500,
): Promise<{ events: StoredLiveEvent[]; pending: boolean }> => {
  const { rows } = await sql<Row>`
    with h as materialized (select live_horizon() as xmin)
    select e.xid::text, e.id::text, e.audience, e.user_id, e.payload
    from live_event e, h
    where (e.xid, e.id) > (${after.xid.toString()}::xid8, ${after.id.toString()}::bigint) and e.xid < h.xmin
    order by e.xid, e.id
    limit ${limit}`.execute(kysely(em));
  const events = rows.map((row) => ({
    key: `${row.xid}:${row.id}`,
    xid: BigInt(row.xid),
    id: BigInt(row.id),
    audience: row.audience,
    userId: row.user_id,
    payload: row.payload,
  }));
  if (events.length === limit) return { events, pending: true };
  // Committed events held back by an older transaction still running (uncommitted ones are invisible here).
  const { rows: waiting } = await sql<{ n: number }>`
    with h as materialized (select live_horizon() as xmin)
    select 1 as n from live_event, h where xid >= h.xmin limit 1`.execute(kysely(em));
  return { events, pending: waiting.length > 0 };
};

/** Whether the event at `position` is still kept: when it is not, a screen resuming from it may have missed some. */
export const isLiveEventKept = async (em: SqlEntityManager, position: LivePosition): Promise<boolean> => {
  const { rows } = await sql<{ n: number }>`
    select 1 as n from live_event where xid = ${position.xid.toString()}::xid8 and id = ${position.id.toString()}::bigint`.execute(
    kysely(em),
  );
  return rows.length > 0;
};

/** Deletes events older than the replay window; returns how many. */
export const pruneLiveEvents = async (em: SqlEntityManager, olderThanSeconds: number): Promise<number> => {
  const result = await sql`delete from live_event where created_at < now() - make_interval(secs => ${olderThanSeconds})`.execute(
    kysely(em),
  );
  return Number(result.numAffectedRows ?? 0);
};
