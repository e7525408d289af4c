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
  SetFavouriteInputSchema,
  UpdateProductInputSchema,
} from '@canteen/shared';
import { z } from 'zod';
import { kitchenProcedure, managerProcedure, protectedProcedure, signedInProcedure } from '../../trpc/init';
import * as products from './product.service';

export const productRouter = {
  list: signedInProcedure
    .input(ProductListInputSchema)
    .output(ProductPageSchema)
    .query(({ ctx, input }) => products.listProducts(ctx, input)),
  counts: signedInProcedure
    .input(ProductCountsInputSchema)
    .output(ProductCountsSchema)
    .query(({ ctx, input }) => products.countProducts(ctx, input)),
  byId: signedInProcedure
    .input(ByIdInputSchema)
    .output(ProductDtoSchema)
    .query(({ ctx, input }) => products.getProduct(ctx, input.id)),
  /** The caller's pinned dishes (not part of the cached menu: theirs alone). */
  favourites: protectedProcedure.output(z.array(ProductDtoSchema)).query(({ ctx }) => products.listFavourites(ctx)),
  setFavourite: protectedProcedure
    .input(SetFavouriteInputSchema)
    .output(z.array(ProductDtoSchema))
    .mutation(({ ctx, input }) => products.setFavourite(ctx, input)),
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
  adjustStock: kitchenProcedure
    .input(AdjustStockInputSchema)
    .output(ProductDtoSchema)
    .mutation(({ ctx, input }) => products.adjustStock(ctx, input)),
} satisfies TRPCRouterRecord;
