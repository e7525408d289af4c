import type { TRPCRouterRecord } from '@trpc/server';
import {
  ChangePasswordInputSchema,
  LoginInputSchema,
  LoginOutputSchema,
  ResetPasswordInputSchema,
  SetLanguageInputSchema,
  SessionUserSchema,
  TotpConfirmInputSchema,
  TotpDisableInputSchema,
  TotpEnrolmentSchema,
  OkSchema,
} from '@canteen/shared';
import { publicProcedure, signedInProcedure } from '../../trpc/init';
import * as auth from './auth.service';

const enrolling = { allowDuringTotpEnrolment: true } as const;

export const authRouter = {
  login: publicProcedure
    .input(LoginInputSchema)
    .output(LoginOutputSchema)
    .mutation(({ ctx, input }) => auth.login(ctx, input)),
  refresh: publicProcedure.output(LoginOutputSchema).mutation(({ ctx }) => auth.refresh(ctx)),
  logout: publicProcedure.output(OkSchema).mutation(({ ctx }) => auth.logout(ctx)),
  resetPassword: publicProcedure
    .input(ResetPasswordInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => auth.resetPassword(ctx, input)),
  me: signedInProcedure
    .meta(enrolling)
    .output(SessionUserSchema)
    .query(({ ctx }) => auth.me(ctx)),
  setLanguage: signedInProcedure
    .meta(enrolling)
    .input(SetLanguageInputSchema)
    .output(SessionUserSchema)
    .mutation(({ ctx, input }) => auth.setLanguage(ctx, input.language)),
  changePassword: signedInProcedure
    .meta(enrolling)
    .input(ChangePasswordInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => auth.changePassword(ctx, input)),
  totp: {
    begin: signedInProcedure
      .meta(enrolling)
      .output(TotpEnrolmentSchema)
      .mutation(({ ctx }) => auth.beginTotpEnrolment(ctx)),
    confirm: signedInProcedure
      .meta(enrolling)
      .input(TotpConfirmInputSchema)
      .output(SessionUserSchema)
      .mutation(({ ctx, input }) => auth.confirmTotpEnrolment(ctx, input.code)),
    disable: signedInProcedure
      .meta(enrolling)
      .input(TotpDisableInputSchema)
      .output(SessionUserSchema)
      .mutation(({ ctx, input }) => auth.disableTotp(ctx, input)),
  },
} satisfies TRPCRouterRecord;
