import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';
import { User } from '../user/user.entity';

export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  properties: {
    ...baseProperties,
    at: p
      .datetime()
      .onCreate(() => new Date())
      .index(),
    actor: () => p.manyToOne(User).ref().nullable().deleteRule('set null').index(),
    action: p.string().length(80).index(),
    entity: p.string().length(80),
    entityId: p.string().length(80).nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    requestId: p.string().length(80).nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(400).nullable(),
  },
  indexes: [{ properties: ['entity', 'entityId'] }],
});

export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry);
