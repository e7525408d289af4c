import { AsyncLocalStorage } from 'node:async_hooks';

export type AuditContext = {
  actorId: string | null;
  /** Procedure path (`user.update`); entries are named after it unless a service says otherwise. */
  action: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** Who is changing things right now; read by the AuditSubscriber on every flush. */
export const auditContext = new AsyncLocalStorage<AuditContext>();

export const runWithAudit = <T>(ctx: AuditContext, fn: () => T): T => auditContext.run(ctx, fn);

/** Names the actor once a public procedure (sign-in, refresh) has found out who the caller is. */
export const setAuditActor = (actorId: string): void => {
  const store = auditContext.getStore();
  if (store) store.actorId = actorId;
};
