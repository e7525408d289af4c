import cluster from 'node:cluster';
import type { Redis } from 'ioredis';

/**
 * Fire-and-forget notices between the API processes of one deployment ("the menu changed", "this person
 * changed"), for caches that must not outlive a change made elsewhere. Delivered to every process, the sender
 * included. Not for anything that must not be lost: a process that misses a notice still drops its entries after
 * their short lifetime.
 */
export type Bus = {
  publish: (topic: string, message: string) => void;
  /** Returns the unsubscribe function. */
  subscribe: (topic: string, listener: (message: string) => void) => () => void;
  close: () => Promise<void>;
};

type Listeners = Map<string, Set<(message: string) => void>>;

const deliver = (listeners: Listeners, topic: string, message: string) => {
  for (const listener of listeners.get(topic) ?? []) listener(message);
};

const subscriber =
  (listeners: Listeners) =>
  (topic: string, listener: (message: string) => void): (() => void) => {
    if (!listeners.has(topic)) listeners.set(topic, new Set());
    listeners.get(topic)!.add(listener);
    return () => listeners.get(topic)?.delete(listener);
  };

/** One process: notices stay in it. */
export const createLocalBus = (): Bus => {
  const listeners: Listeners = new Map();
  return {
    publish: (topic, message) => deliver(listeners, topic, message),
    subscribe: subscriber(listeners),
    close: async () => listeners.clear(),
  };
};

const CLUSTER_CHANNEL = 'canteen:bus';
type ClusterNotice = { channel: typeof CLUSTER_CHANNEL; topic: string; message: string };
const isNotice = (value: unknown): value is ClusterNotice =>
  typeof value === 'object' && value !== null && (value as ClusterNotice).channel === CLUSTER_CHANNEL;

/** A worker of `API_PROCESSES` > 1 without Redis: notices go through the primary (`relayBusNotices`) to all workers. */
export const createClusterBus = (): Bus => {
  const listeners: Listeners = new Map();
  const onMessage = (value: unknown) => {
    if (isNotice(value)) deliver(listeners, value.topic, value.message);
  };
  process.on('message', onMessage);
  return {
    publish(topic, message) {
      const notice: ClusterNotice = { channel: CLUSTER_CHANNEL, topic, message };
      if (process.send) process.send(notice);
      else deliver(listeners, topic, message);
    },
    subscribe: subscriber(listeners),
    close: async () => {
      process.off('message', onMessage);
      listeners.clear();
    },
  };
};

/** In the primary: passes every worker's notice on to all workers. */
export const relayBusNotices = (): void => {
  cluster.on('message', (_worker, value: unknown) => {
    if (!isNotice(value)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker?.isConnected()) worker.send(value, () => undefined);
    }
  });
};

/** With REDIS_URL: every process of every host, through Redis pub/sub. */
export const createRedisBus = async (redis: Redis, prefix = 'canteen:bus'): Promise<Bus> => {
  const listeners: Listeners = new Map();
  const sub = redis.duplicate();
  await sub.psubscribe(`${prefix}:*`);
  sub.on('pmessage', (_pattern: string, channel: string, message: string) => {
    deliver(listeners, channel.slice(prefix.length + 1), message);
  });
  return {
    publish(topic, message) {
      void redis.publish(`${prefix}:${topic}`, message).catch(() => undefined);
    },
    subscribe: subscriber(listeners),
    close: async () => {
      listeners.clear();
      await sub.quit();
    },
  };
};

/** The bus this process should use: Redis when configured, the cluster's primary in a worker, else local. */
export const createBus = async (redis: Redis | null): Promise<Bus> => {
  if (redis) return createRedisBus(redis);
  return cluster.isWorker ? createClusterBus() : createLocalBus();
};
