import type { TRPCRouterRecord } from '@trpc/server';
import {
  AdjustStockInputSchema,
  ByIdInputSchema,
  CreateProductInputSchema,
  ProductCountsInputSchema,
  ProductCountsSchema,
  ProductDtoSchema,
  ProductListInputSchema,
  ProductPageSchema,
  UpdateProductInputSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as products from './product.service';

export const productRouter = {
  list: protectedProcedure
    .input(ProductListInputSchema)
    .output(ProductPageSchema)
    .query(({ ctx, input }) => products.listProducts(ctx, input)),
  counts: protectedProcedure
    .input(ProductCountsInputSchema)
    .output(ProductCountsSchema)
    .query(({ ctx, input }) => products.countProducts(ctx, input)),
  byId: protectedProcedure
    .input(ByIdInputSchema)
    .output(ProductDtoSchema)
    .query(({ ctx, input }) => products.getProduct(ctx, input.id)),
  create: managerProcedure
    .input(CreateProductInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => products.createProduct(ctx, input)),
  update: managerProcedure
    .input(UpdateProductInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => products.updateProduct(ctx, input)),
  archive: managerProcedure
    .input(ByIdInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => products.archiveProduct(ctx, input.id)),
  adjustStock: managerProcedure
    .input(AdjustStockInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => products.adjustStock(ctx, input)),
} satisfies TRPCRouterRecord;
