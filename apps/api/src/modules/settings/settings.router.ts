import type { TRPCRouterRecord } from '@trpc/server';
import { SettingsSchema } from '@canteen/shared';
import { requireRole } from '../../lib/access';
import { adminProcedure } from '../../trpc/init';

export const settingsRouter = {
  get: adminProcedure.output(SettingsSchema).query(({ ctx }) => {
    requireRole(ctx.user, 'admin');
    return ctx.deps.settings.get(ctx.em);
  }),
  /** Changes the settings given; the others stay as they are. */
  update: adminProcedure
    .input(SettingsSchema.partial())
    .output(SettingsSchema)
    .mutation(async ({ ctx, input }) => {
      requireRole(ctx.user, 'admin');
      return ctx.deps.settings.set(ctx.em, { ...(await ctx.deps.settings.get(ctx.em)), ...input });
    }),
} satisfies TRPCRouterRecord;
