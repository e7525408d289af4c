import { z } from 'zod';
import { IdSchema, SlugSchema, TextSchema } from './common';

export const CategoryDtoSchema = z.object({
  id: IdSchema,
  name: z.string(),
  slug: z.string(),
  sortOrder: z.number().int(),
  productCount: z.number().int(),
});
export type CategoryDto = z.infer<typeof CategoryDtoSchema>;

export const CreateCategoryInputSchema = z.object({
  name: TextSchema.trim().min(1).max(80),
  slug: SlugSchema,
  sortOrder: z.number().int().min(0).max(1000).default(100),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInputSchema>;
export const UpdateCategoryInputSchema = CreateCategoryInputSchema.partial().extend({ id: IdSchema });
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInputSchema>;
