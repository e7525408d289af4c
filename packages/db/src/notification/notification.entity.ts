import { defineEntity, p } from '@mikro-orm/core';
import { NOTIFICATION_KINDS, type NotificationPayload } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { User } from '../user/user.entity';

/**
 * One thing a person is told (`notification.*`), written in the transaction of what it tells: an order ready, a
 * refund, a top-up, a low balance. `emailedAt` is set once the email job delivered it (when the person wants
 * email for its kind and SMTP is configured).
 */
export const NotificationSchema = defineEntity({
  name: 'Notification',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User).ref().deleteRule('cascade'),
    kind: p.enum(NOTIFICATION_KINDS).nativeEnumName('notification_kind'),
    payload: p.json<NotificationPayload>(),
    readAt: p.datetime().nullable(),
    emailedAt: p.datetime().nullable(),
  },
  indexes: [
    { properties: ['user', 'createdAt'] },
    {
      name: 'notification_unread_index',
      expression: 'create index "notification_unread_index" on "notification" ("user_id") where "read_at" is null',
    },
  ],
});
export class Notification extends NotificationSchema.class {}
NotificationSchema.setClass(Notification);

/** A person's choices: which kinds also come by email, and the balance below which to warn them. */
export const NotificationSettingsSchema = defineEntity({
  name: 'NotificationSettings',
  tableName: 'notification_settings',
  properties: {
    user: () => p.oneToOne(User).ref().primary().deleteRule('cascade').owner(),
    emailKinds: p.enum(NOTIFICATION_KINDS).nativeEnumName('notification_kind').array(),
    lowBalanceCents: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class NotificationSettings extends NotificationSettingsSchema.class {}
NotificationSettingsSchema.setClass(NotificationSettings);
