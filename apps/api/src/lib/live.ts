import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { type LivePosition, type StoredLiveEvent, isAfter, isLiveEventKept, liveHorizon, readLiveEvents } from '@canteen/db';
import type { Logger } from '../logger';

/**
 * Live events for open screens (docs/adr/0014-kitchen-and-live-events.md). The `live_event` table is the truth and
 * the replay log; a waker only tells processes "look again": Redis pub/sub with REDIS_URL, PostgreSQL
 * LISTEN/NOTIFY without it (the table's trigger notifies when an event's transaction commits), so every API
 * process behind a load balancer hears of every event. Each process then reads the new events once, in
 * (xid, id) order below the horizon, and hands each subscriber what it may see.
 */

/** "Look again": across processes. */
export type LiveWaker = {
  /** Called by a process right after it committed events. */
  wake: () => void;
  onWake: (listener: () => void) => void;
  close: () => Promise<void>;
};

const CHANNEL = 'canteen_live';

/** One process (tests): a wake reaches only this process. */
export const createLocalWaker = (): LiveWaker => {
  const listeners = new Set<() => void>();
  return {
    wake: () => {
      for (const listener of listeners) listener();
    },
    onWake: (listener) => listeners.add(listener),
    close: async () => listeners.clear(),
  };
};

/** With REDIS_URL: a message on one channel after each commit with events, heard by every process. */
export const createRedisWaker = async (redis: Redis, channel = `canteen:${CHANNEL}`): Promise<LiveWaker> => {
  const listeners = new Set<() => void>();
  const sub = redis.duplicate();
  await sub.subscribe(channel);
  sub.on('message', () => {
    for (const listener of listeners) listener();
  });
  return {
    wake: () => {
      void redis.publish(channel, '').catch(() => undefined);
    },
    onWake: (listener) => listeners.add(listener),
    close: async () => {
      listeners.clear();
      await sub.quit();
    },
  };
};

/**
 * Without Redis: one connection per process LISTENs; the `live_event` trigger NOTIFYs at commit, from any writer
 * (an API process, the job runner, a webhook). The connection is re-opened when it drops (a database restart);
 * the hub reads whatever it missed meanwhile, as the table holds it.
 */
export const createPgWaker = (connectionString: string, logger: Logger): LiveWaker => {
  const listeners = new Set<() => void>();
  const wakeAll = () => {
    for (const listener of listeners) listener();
  };
  const state = { client: null as Client | null, isClosed: false, retry: null as NodeJS.Timeout | null };
  const drop = (client: Client) => {
    state.client = null;
    client.end().catch(() => undefined);
    schedule();
  };
  const connect = async (): Promise<void> => {
    if (state.isClosed) return;
    const client = new Client({ connectionString, application_name: 'canteen-live' });
    client.on('notification', wakeAll);
    client.on('error', (error) => {
      logger.warn({ err: error }, 'live events: LISTEN connection lost; reconnecting');
      drop(client);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      state.client = client;
      // Whatever committed while not listening is in the table: look now.
      wakeAll();
    } catch (error) {
      logger.warn({ err: error }, 'live events: cannot LISTEN yet; retrying');
      drop(client);
    }
  };
  const schedule = () => {
    if (state.isClosed || state.retry) return;
    state.retry = setTimeout(() => {
      state.retry = null;
      void connect();
    }, 1000);
    state.retry.unref();
  };
  void connect();
  return {
    // The trigger's NOTIFY reaches every process, this one included; waking here only saves the round trip.
    wake: wakeAll,
    onWake: (listener) => listeners.add(listener),
    close: async () => {
      state.isClosed = true;
      if (state.retry) clearTimeout(state.retry);
      listeners.clear();
      await state.client?.end().catch(() => undefined);
    },
  };
};

export type LiveItem = StoredLiveEvent | 'live' | 'resync';

type Subscriber = { queue: StoredLiveEvent[]; isOverflowing: boolean; ping: () => void };

export type LiveHub = {
  /** After a commit that recorded events: tell every process (this one at once). */
  wake: () => void;
  /**
   * The events after `after` (a reconnect: replayed from the table first) or from now on, in order, until `signal`
   * aborts. `'live'` comes once, when every later change will be delivered (after the replay); `'resync'` means
   * some may have been missed: the screen should reload what it shows.
   */
  subscribe: (options: { after: LivePosition | null; signal: AbortSignal }) => AsyncGenerator<LiveItem, void, undefined>;
  /** Ends every subscription now (a draining process: the clients reconnect to another one). */
  endStreams: () => void;
  /** Ends every subscription and stops listening. */
  close: () => Promise<void>;
};

/** A subscriber further behind than this is cut loose with a `resync` rather than held in memory. */
const MAX_QUEUE = 2000;
/** How soon to look again when committed events wait behind an older transaction still running. */
const PENDING_RETRY_MS = 25;
/** A look now and then while anyone listens, for a wake lost on the way (Redis pub/sub does not queue). */
const SAFETY_POLL_MS = 2000;

export const createLiveHub = ({
  forkEm,
  waker,
  logger,
}: {
  forkEm: () => EntityManager | Promise<EntityManager>;
  waker: LiveWaker;
  logger: Logger;
}): LiveHub => {
  const subscribers = new Set<Subscriber>();
  const closing = new AbortController();
  const state = {
    position: null as LivePosition | null,
    isReading: false,
    isDirty: false,
    timer: null as NodeJS.Timeout | null,
    timerDue: 0,
  };

  /** Where the hub starts reading when nobody was listening: now. Set once, never moved back. */
  const ensurePosition = async (em: EntityManager): Promise<LivePosition> => {
    if (!state.position) {
      const horizon = await liveHorizon(em);
      state.position ??= horizon;
    }
    return state.position;
  };

  /** Looks again in `ms`, or sooner if a look is already due sooner (a pending retry must not wait for the safety poll). */
  const later = (ms: number) => {
    if (subscribers.size === 0 || closing.signal.aborted) return;
    const due = Date.now() + ms;
    if (state.timer) {
      if (state.timerDue <= due) return;
      clearTimeout(state.timer);
    }
    state.timerDue = due;
    state.timer = setTimeout(() => {
      state.timer = null;
      void pump();
    }, ms);
    state.timer.unref();
  };

  /** Reads what is new (once for all subscribers of this process) and queues it for each. */
  const pump = async (): Promise<void> => {
    if (subscribers.size === 0 || closing.signal.aborted) return;
    if (state.isReading) {
      state.isDirty = true;
      return;
    }
    state.isReading = true;
    let retryIn = SAFETY_POLL_MS;
    try {
      do {
        state.isDirty = false;
        const em = await forkEm();
        const { events, pending } = await readLiveEvents(em, await ensurePosition(em));
        const last = events.at(-1);
        if (last) state.position = last;
        for (const subscriber of subscribers) {
          if (subscriber.isOverflowing) continue;
          subscriber.queue.push(...events);
          if (subscriber.queue.length > MAX_QUEUE) subscriber.isOverflowing = true;
          if (events.length || subscriber.isOverflowing) subscriber.ping();
        }
        if (pending) retryIn = PENDING_RETRY_MS;
        if (pending && events.length) state.isDirty = true;
      } while (state.isDirty && !closing.signal.aborted);
    } catch (error) {
      logger.warn({ err: error }, 'live events: read failed; retrying');
      retryIn = 1000;
    } finally {
      state.isReading = false;
    }
    later(retryIn);
  };

  waker.onWake(() => {
    void pump();
  });

  async function* subscribe({
    after,
    signal,
  }: {
    after: LivePosition | null;
    signal: AbortSignal;
  }): AsyncGenerator<LiveItem, void, undefined> {
    const subscriber: Subscriber = { queue: [], isOverflowing: false, ping: () => undefined };
    const stop = AbortSignal.any([signal, closing.signal]);
    subscribers.add(subscriber);
    try {
      const em = await forkEm();
      // Joining: the hub's place is fixed before the replay below reads, so the two overlap and nothing falls between.
      await ensurePosition(em);
      let last = after;
      if (after) {
        if (!(await isLiveEventKept(em, after))) yield 'resync';
        for (;;) {
          const { events } = await readLiveEvents(em, last!);
          for (const event of events) {
            last = event;
            yield event;
          }
          if (events.length < 500) break;
        }
      }
      yield 'live';
      while (!stop.aborted) {
        if (subscriber.isOverflowing) {
          subscriber.queue = [];
          subscriber.isOverflowing = false;
          last = null;
          yield 'resync';
        }
        const event = subscriber.queue.shift();
        if (event) {
          // Already replayed, or from a batch read before this subscriber's replay finished.
          if (last && !isAfter(event, last)) continue;
          last = event;
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => {
          subscriber.ping = resolve;
          stop.addEventListener('abort', () => resolve(), { once: true });
        });
      }
    } finally {
      subscribers.delete(subscriber);
      // Nobody listening: the next subscriber starts from the horizon of its own time.
      if (subscribers.size === 0) state.position = null;
    }
  }

  const endStreams = () => {
    closing.abort();
    if (state.timer) clearTimeout(state.timer);
    for (const subscriber of subscribers) subscriber.ping();
  };

  return {
    wake: () => waker.wake(),
    subscribe: (options) => {
      const stream = subscribe(options);
      // The first subscriber starts the looking; later ones join it.
      later(0);
      return stream;
    },
    endStreams,
    close: async () => {
      endStreams();
      await waker.close();
    },
  };
};
