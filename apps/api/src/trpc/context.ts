import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '@canteen/db';
import type { Logger } from '../logger';
import type { Deps } from '../deps';
import type { ReadTarget } from '../lib/replica';

/** What a request knows about its client and its refresh-token cookie. */
export type ClientInfo = {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** False when the request carries an Origin header that is neither ours nor trusted. */
  isOriginTrusted: boolean;
  readRefreshToken: () => string | undefined;
  writeRefreshToken: (token: string, expiresAt: Date) => void;
  clearRefreshToken: () => void;
};

export type ContextInner = {
  em: EntityManager;
  user: User | null;
  logger: Logger;
  client: ClientInfo;
  deps: Deps;
  /** Where reports and lists read (lib/replica.ts); unset: the primary. */
  readFrom?: ReadTarget | undefined;
};

/** Everything a procedure may rely on; tests build it directly. */
export const createContextInner = (inner: ContextInner): ContextInner => inner;

export type Context = ContextInner;
