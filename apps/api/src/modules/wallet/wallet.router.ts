import type { TRPCRouterRecord } from '@trpc/server';
import {
  BalanceDtoSchema,
  BalanceInputSchema,
  BulkCreditInputSchema,
  BulkCreditResultSchema,
  ChargeInputSchema,
  ChargeResultSchema,
  CreditInputSchema,
  CreditResultSchema,
  WalletEntriesInputSchema,
  WalletEntryPageSchema,
  WalletHistoryInputSchema,
  WalletHistoryPageSchema,
  WalletTimelineInputSchema,
  WalletTimelineSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as wallet from './wallet.service';

export const walletRouter = {
  balance: protectedProcedure
    .input(BalanceInputSchema)
    .output(BalanceDtoSchema)
    .query(({ ctx, input }) => wallet.getBalance(ctx, input.userId)),
  entries: protectedProcedure
    .input(WalletEntriesInputSchema)
    .output(WalletEntryPageSchema)
    .query(({ ctx, input }) => wallet.listEntries(ctx, input)),
  history: protectedProcedure
    .input(WalletHistoryInputSchema)
    .output(WalletHistoryPageSchema)
    .query(({ ctx, input }) => wallet.walletHistory(ctx, input)),
  timeline: protectedProcedure
    .input(WalletTimelineInputSchema)
    .output(WalletTimelineSchema)
    .query(({ ctx, input }) => wallet.getTimeline(ctx, input)),
  credit: managerProcedure
    .input(CreditInputSchema)
    .output(CreditResultSchema)
    .mutation(({ ctx, input }) => wallet.creditWallet(ctx, input)),
  creditBulk: managerProcedure
    .input(BulkCreditInputSchema)
    .output(BulkCreditResultSchema)
    .mutation(({ ctx, input }) => wallet.creditInBulk(ctx, input)),
  charge: managerProcedure
    .input(ChargeInputSchema)
    .output(ChargeResultSchema)
    .mutation(({ ctx, input }) => wallet.chargeWallet(ctx, input)),
} satisfies TRPCRouterRecord;
