import type { TRPCRouterRecord } from '@trpc/server';
import {
  ByIdInputSchema,
  CancelOrderInputSchema,
  ChangeSlotInputSchema,
  OrderDtoSchema,
  OrderListInputSchema,
  OrderPageSchema,
  PlaceOrderInputSchema,
  RefundOrderInputSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as orders from './order.service';

export const orderRouter = {
  place: protectedProcedure
    .input(PlaceOrderInputSchema)
    .output(OrderDtoSchema)
    .mutation(({ ctx, input }) => orders.placeOrder(ctx, input)),
  list: protectedProcedure
    .input(OrderListInputSchema)
    .output(OrderPageSchema)
    .query(({ ctx, input }) => orders.listOrders(ctx, input)),
  byId: protectedProcedure
    .input(ByIdInputSchema)
    .output(OrderDtoSchema)
    .query(({ ctx, input }) => orders.getOrder(ctx, input.id)),
  cancel: protectedProcedure
    .input(CancelOrderInputSchema)
    .output(OrderDtoSchema)
    .mutation(({ ctx, input }) => orders.cancelOrder(ctx, input)),
  changeSlot: protectedProcedure
    .input(ChangeSlotInputSchema)
    .output(OrderDtoSchema)
    .mutation(({ ctx, input }) => orders.changeSlot(ctx, input)),
  refund: managerProcedure
    .input(RefundOrderInputSchema)
    .output(OrderDtoSchema)
    .mutation(({ ctx, input }) => orders.refundOrder(ctx, input)),
} satisfies TRPCRouterRecord;
