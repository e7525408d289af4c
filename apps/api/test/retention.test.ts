import { describe, expect, it } from 'vitest';
import { AuditEntry, PasswordReset, Session, User, newId, pruneLiveEvents, recordLiveEvents } from '@canteen/db';
import {
  LIVE_PRUNE_CRON,
  LIVE_REPLAY_SECONDS,
  RETENTION_CRON,
  runRetention,
  workRetentionJobs,
} from '../src/modules/retention/retention.service';
import { getTestOrm, makeUser, silentLogger, startTestJobs } from './helpers';

const orm = await getTestOrm();
const DAY = 86_400_000;
const policy = { auditDays: 365, auditMode: 'anonymise' as const, expiredGraceDays: 7 };

/** An audit entry, a session and a reset link from `daysAgo` days ago (expired then). */
const history = async (daysAgo: number) => {
  const user = await makeUser(orm);
  const em = orm.em.fork();
  const then = new Date(Date.now() - daysAgo * DAY);
  const entry = em.create(AuditEntry, {
    at: then,
    action: 'user.update',
    entity: 'User',
    entityId: user.id,
    before: { name: 'Old name' },
    after: { name: 'New name' },
    actor: null,
    requestId: null,
    ip: '10.0.0.1',
    userAgent: 'Firefox',
  });
  const session = em.create(Session, {
    user: em.getReference(User, user.id),
    familyId: newId(),
    tokenHash: newId().replaceAll('-', '').padEnd(64, '0'),
    expiresAt: then,
  });
  const reset = em.create(PasswordReset, {
    user: em.getReference(User, user.id),
    tokenHash: newId().replaceAll('-', '').padEnd(64, '1'),
    expiresAt: then,
    createdBy: null,
  });
  await em.flush();
  return { entry, session, reset };
};

describe('retention', () => {
  it('anonymises audit entries past the retention age and purges long-expired sessions and reset links, and says so', async () => {
    const old = await history(400);
    const recent = await history(3);
    const done = await runRetention(orm.em.fork(), { policy, logger: silentLogger });
    expect(done).toMatchObject({ auditMode: 'anonymise' });
    expect(done.auditEntries).toBeGreaterThanOrEqual(1);
    const em = orm.em.fork();
    expect(await em.findOneOrFail(AuditEntry, old.entry.id)).toMatchObject({
      ip: null,
      userAgent: null,
      before: null,
      action: 'user.update',
    });
    expect(await em.findOneOrFail(AuditEntry, recent.entry.id)).toMatchObject({ ip: '10.0.0.1', before: { name: 'Old name' } });
    expect(await em.count(Session, { id: old.session.id })).toBe(0);
    expect(await em.count(Session, { id: recent.session.id })).toBe(1);
    expect(await em.count(PasswordReset, { id: old.reset.id })).toBe(0);
    expect(await em.count(PasswordReset, { id: recent.reset.id })).toBe(1);
    const record = await em.findOneOrFail(AuditEntry, { action: 'system.retention' }, { orderBy: { at: 'desc' } });
    expect(record.after).toMatchObject({ sessions: done.sessions, resetLinks: done.resetLinks });
    // A second pass finds nothing more to do.
    expect(await runRetention(orm.em.fork(), { policy, logger: silentLogger })).toMatchObject({
      auditEntries: 0,
      sessions: 0,
      resetLinks: 0,
    });
  });

  it('deletes old audit entries when told to', async () => {
    const old = await history(400);
    await runRetention(orm.em.fork(), { policy: { ...policy, auditMode: 'delete' }, logger: silentLogger });
    expect(await orm.em.fork().count(AuditEntry, { id: old.entry.id })).toBe(0);
  });

  it('prunes live events older than the replay window', async () => {
    const em = orm.em.fork();
    await recordLiveEvents(em, [{ audience: 'all', payload: { type: 'live' } }]);
    await em
      .getConnection()
      .execute(`update live_event set created_at = now() - interval '1 hour' where payload->>'type' = 'live'`);
    await recordLiveEvents(em, [{ audience: 'all', payload: { type: 'resync' } }]);
    expect(await pruneLiveEvents(em, LIVE_REPLAY_SECONDS)).toBeGreaterThanOrEqual(1);
    const left = await em.getConnection().execute<{ type: string }[]>(`select payload->>'type' as type from live_event`);
    expect(left.map((row) => row.type)).not.toContain('live');
    expect(left.map((row) => row.type)).toContain('resync');
  });

  it('runs nightly on the job queue', async () => {
    const jobs = await startTestJobs(`pgboss_retention_${process.pid}`);
    try {
      await workRetentionJobs(jobs, { forkEm: () => orm.em.fork(), policy, logger: silentLogger });
      const connection = orm.em.fork().getConnection();
      const schedules = await connection.execute<{ name: string; cron: string }[]>(
        `select name, cron from pgboss_retention_${process.pid}.schedule order by name`,
      );
      expect(schedules).toEqual([
        { name: 'live-events-prune', cron: LIVE_PRUNE_CRON },
        { name: 'retention', cron: RETENTION_CRON },
      ]);
    } finally {
      await jobs.stop();
    }
  });
});
