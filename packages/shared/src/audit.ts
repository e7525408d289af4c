import { z } from 'zod';
import { DateInputSchema, IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';

export const AuditEntryDtoSchema = z.object({
  id: IdSchema,
  at: IsoDateSchema,
  actorId: IdSchema.nullable(),
  actorEmail: z.string().nullable(),
  /** The actor's name, so people read names, not ids. */
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What the entry is about, in words ("Lentil soup", "Eli Employee", "Order by Eli Employee"), when it still exists. */
  entityLabel: z.string().nullable(),
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
  /** Entries at or after this instant. */
  from: DateInputSchema.optional(),
  /** Entries before this instant. */
  to: DateInputSchema.optional(),
});
export type AuditListInput = z.infer<typeof AuditListInputSchema>;
export const AuditPageSchema = pageOf(AuditEntryDtoSchema);
