import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';

export const AuditEntryDtoSchema = z.object({
  id: IdSchema,
  at: IsoDateSchema,
  actorId: IdSchema.nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;
export const AuditListInputSchema = PageInputSchema.extend({
  action: TextSchema.trim().max(80).optional(),
  entity: TextSchema.trim().max(80).optional(),
  entityId: TextSchema.trim().max(80).optional(),
  actorId: IdSchema.optional(),
});
export const AuditPageSchema = pageOf(AuditEntryDtoSchema);
