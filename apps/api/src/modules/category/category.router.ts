import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ByIdInputSchema,
  CategoryDtoSchema,
  CreateCategoryInputSchema,
  UpdateCategoryInputSchema,
  OkSchema,
} from '@canteen/shared';
import { managerProcedure, signedInProcedure } from '../../trpc/init';
import * as categories from './category.service';

export const categoryRouter = {
  list: signedInProcedure.output(z.array(CategoryDtoSchema)).query(({ ctx }) => categories.listCategories(ctx)),
  create: managerProcedure
    .input(CreateCategoryInputSchema)
    .output(CategoryDtoSchema)
    .mutation(({ ctx, input }) => categories.createCategory(ctx, input)),
  update: managerProcedure
    .input(UpdateCategoryInputSchema)
    .output(CategoryDtoSchema)
    .mutation(({ ctx, input }) => categories.updateCategory(ctx, input)),
  delete: managerProcedure
    .input(ByIdInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => categories.deleteCategory(ctx, input.id)),
} satisfies TRPCRouterRecord;
