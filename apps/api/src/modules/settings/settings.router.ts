import type { TRPCRouterRecord } from '@trpc/server';
import { SettingsSchema } from '@canteen/shared';
import { requireRole } from '../../lib/access';
import { adminProcedure } from '../../trpc/init';

export const settingsRouter = {
  get: adminProcedure.output(SettingsSchema).query(({ ctx }) => {
    requireRole(ctx.user, 'admin');
    return ctx.deps.settings.get(ctx.em);
  }),
  update: adminProcedure
    .input(SettingsSchema)
    .output(SettingsSchema)
    .mutation(({ ctx, input }) => {
      requireRole(ctx.user, 'admin');
      return ctx.deps.settings.set(ctx.em, input);
    }),
} satisfies TRPCRouterRecord;
