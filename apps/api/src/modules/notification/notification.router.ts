import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  MarkNotificationsReadInputSchema,
  NotificationListInputSchema,
  NotificationPageSchema,
  NotificationSettingsSchema,
  OkSchema,
  UnsubscribeInputSchema,
  UpdateNotificationSettingsInputSchema,
} from '@canteen/shared';
import { protectedProcedure, publicProcedure } from '../../trpc/init';
import * as notifications from './notification.service';

export const notificationRouter = {
  list: protectedProcedure
    .input(NotificationListInputSchema)
    .output(NotificationPageSchema)
    .query(({ ctx, input }) => notifications.listNotifications(ctx, input)),
  markRead: protectedProcedure
    .input(MarkNotificationsReadInputSchema)
    .output(z.object({ unreadCount: z.number().int() }))
    .mutation(({ ctx, input }) => notifications.markRead(ctx, input)),
  settings: protectedProcedure.output(NotificationSettingsSchema).query(({ ctx }) => notifications.getSettings(ctx)),
  updateSettings: protectedProcedure
    .input(UpdateNotificationSettingsInputSchema)
    .output(NotificationSettingsSchema)
    .mutation(({ ctx, input }) => notifications.updateSettings(ctx, input)),
  /** Public: the signed link from an email. */
  unsubscribe: publicProcedure
    .input(UnsubscribeInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => notifications.unsubscribe(ctx, input.token)),
} satisfies TRPCRouterRecord;
