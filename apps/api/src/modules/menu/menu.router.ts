import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  AdjustStockInputSchema,
  ByIdInputSchema,
  CategoryDtoSchema,
  CreateCategoryInputSchema,
  CreateProductInputSchema,
  ProductDtoSchema,
  ProductListInputSchema,
  ProductPageSchema,
  UpdateCategoryInputSchema,
  UpdateProductInputSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as menu from './menu.service';

export const productRouter = {
  list: protectedProcedure
    .input(ProductListInputSchema)
    .output(ProductPageSchema)
    .query(({ ctx, input }) => menu.listProducts(ctx, input)),
  byId: protectedProcedure
    .input(ByIdInputSchema)
    .output(ProductDtoSchema)
    .query(({ ctx, input }) => menu.getProduct(ctx, input.id)),
  create: managerProcedure
    .input(CreateProductInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => menu.createProduct(ctx, input)),
  update: managerProcedure
    .input(UpdateProductInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => menu.updateProduct(ctx, input)),
  archive: managerProcedure
    .input(ByIdInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => menu.archiveProduct(ctx, input.id)),
  adjustStock: managerProcedure
    .input(AdjustStockInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => menu.adjustStock(ctx, input)),
} satisfies TRPCRouterRecord;

export const categoryRouter = {
  list: protectedProcedure.output(z.array(CategoryDtoSchema)).query(({ ctx }) => menu.listCategories(ctx)),
  create: managerProcedure
    .input(CreateCategoryInputSchema)
    .output(CategoryDtoSchema)
    .mutation(({ ctx, input }) => menu.createCategory(ctx, input)),
  update: managerProcedure
    .input(UpdateCategoryInputSchema)
    .output(CategoryDtoSchema)
    .mutation(({ ctx, input }) => menu.updateCategory(ctx, input)),
  delete: managerProcedure
    .input(ByIdInputSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => menu.deleteCategory(ctx, input.id)),
} satisfies TRPCRouterRecord;
