import type { TRPCRouterRecord } from '@trpc/server';
import {
  ByIdInputSchema,
  CreateTopUpInputSchema,
  PaymentDtoSchema,
  PaymentListInputSchema,
  PaymentPageSchema,
  RefundPaymentInputSchema,
  TopUpDtoSchema,
  TopUpOptionsSchema,
} from '@canteen/shared';
import { adminProcedure, protectedProcedure } from '../../trpc/init';
import * as payments from './payment.service';

export const paymentRouter = {
  options: protectedProcedure.output(TopUpOptionsSchema).query(({ ctx }) => payments.topUpOptions(ctx)),
  createTopUp: protectedProcedure
    .input(CreateTopUpInputSchema)
    .output(TopUpDtoSchema)
    .mutation(({ ctx, input }) => payments.createTopUp(ctx, input)),
  list: protectedProcedure
    .input(PaymentListInputSchema)
    .output(PaymentPageSchema)
    .query(({ ctx, input }) => payments.listPayments(ctx, input)),
  byId: protectedProcedure
    .input(ByIdInputSchema)
    .output(PaymentDtoSchema)
    .query(({ ctx, input }) => payments.getPayment(ctx, input.id)),
  cancel: protectedProcedure
    .input(ByIdInputSchema)
    .output(PaymentDtoSchema)
    .mutation(({ ctx, input }) => payments.cancelTopUp(ctx, input.id)),
  refund: adminProcedure
    .input(RefundPaymentInputSchema)
    .output(PaymentDtoSchema)
    .mutation(({ ctx, input }) => payments.refundPayment(ctx, input)),
} satisfies TRPCRouterRecord;
