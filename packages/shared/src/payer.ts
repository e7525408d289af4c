import { z } from 'zod';
import { IdSchema, TextSchema } from './common';
import { PAYER_KINDS } from './constants';

export const PayerKindSchema = z.enum(PAYER_KINDS);
export const PayerDtoSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: PayerKindSchema,
  departmentId: IdSchema.nullable(),
});
export type PayerDto = z.infer<typeof PayerDtoSchema>;
export const CreatePayerInputSchema = z.object({
  name: TextSchema.trim().min(1).max(80),
  kind: PayerKindSchema,
  departmentId: IdSchema.nullable().default(null),
});
export type CreatePayerInput = z.infer<typeof CreatePayerInputSchema>;
