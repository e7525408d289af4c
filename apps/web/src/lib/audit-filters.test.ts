import { describe, expect, it } from 'vitest';
import { auditFilters, hasAuditFilters, startOfDay } from './audit-filters';
import { AuditSearchSchema } from './search-params';

const ID = '0194f0c2-7d3e-7a11-8b6e-3f1d2c4b5a69';

describe('the audit page address', () => {
  it('keeps the filters the page sets', () => {
    const search = { actor: ID, entity: 'Product', action: 'product.', about: ID, from: '2026-12-01', to: '2026-12-03' };
    expect(AuditSearchSchema.parse(search)).toEqual(search);
  });

  it('reads anything else as not given instead of failing the route', () => {
    expect(
      AuditSearchSchema.parse({ actor: 'Ada', entity: 'AuditEntry', action: '  ', from: '2026-13-01', to: '1999-12-31' }),
    ).toEqual({ actor: undefined, entity: undefined, action: undefined, about: undefined, from: undefined, to: undefined });
    expect(AuditSearchSchema.parse({ action: 'x'.repeat(81) }).action).toBeUndefined();
  });
});

describe('auditFilters', () => {
  it('turns the days into the instants they start and end at, both days included', () => {
    expect(startOfDay('2026-12-01')).toBe(new Date(2026, 11, 1).toISOString());
    expect(startOfDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
    expect(auditFilters({ actor: ID, entity: 'User', action: 'user.', about: ID, from: '2026-12-01', to: '2026-12-03' })).toEqual(
      {
        actorId: ID,
        entity: 'User',
        action: 'user.',
        entityId: ID,
        from: new Date(2026, 11, 1).toISOString(),
        to: new Date(2026, 11, 4).toISOString(),
      },
    );
  });

  it('sends nothing for filters not set', () => {
    expect(auditFilters({})).toEqual({});
    expect(hasAuditFilters({})).toBe(false);
    expect(hasAuditFilters({ entity: 'User' })).toBe(true);
  });
});
