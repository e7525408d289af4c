import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema, PageInputSchema, TextSchema, pageOf } from './common';

export const DepartmentDtoSchema = z.object({
  id: IdSchema,
  name: z.string(),
  code: z.string(),
  userCount: z.number().int(),
  createdAt: IsoDateSchema,
});
export type DepartmentDto = z.infer<typeof DepartmentDtoSchema>;
export const DepartmentPageSchema = pageOf(DepartmentDtoSchema);

export const DepartmentListInputSchema = PageInputSchema.extend({
  search: TextSchema.trim().max(100).optional(),
});
export const DepartmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,12}$/, 'Use 2-12 letters, digits or dashes');
export const CreateDepartmentInputSchema = z.object({ name: NameSchema, code: DepartmentCodeSchema });
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInputSchema>;
export const UpdateDepartmentInputSchema = z.object({
  id: IdSchema,
  name: NameSchema.optional(),
  code: DepartmentCodeSchema.optional(),
});
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInputSchema>;
