import type { TRPCRouterRecord } from '@trpc/server';
import {
  PrivacyEraseInputSchema,
  PrivacyEraseResultSchema,
  PrivacyExportInputSchema,
  PrivacyExportSchema,
} from '@canteen/shared';
import { adminProcedure, signedInProcedure } from '../../trpc/init';
import * as privacy from './privacy.service';

export const privacyRouter = {
  /** A mutation: each export is recorded in the audit log. */
  export: signedInProcedure
    .input(PrivacyExportInputSchema)
    .output(PrivacyExportSchema)
    .mutation(({ ctx, input }) => privacy.exportPersonalData(ctx, input.userId)),
  erase: adminProcedure
    .input(PrivacyEraseInputSchema)
    .output(PrivacyEraseResultSchema)
    .mutation(({ ctx, input }) => privacy.erasePerson(ctx, input)),
} satisfies TRPCRouterRecord;
