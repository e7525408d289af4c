import { randomBytes } from 'node:crypto';
import {
  AuditEntry,
  BlogFollow,
  Favourite,
  Notification,
  NotificationSettings,
  Order,
  PasswordReset,
  Payment,
  Post,
  Review,
  Session,
  User,
  WalletEntry,
  hashPassword,
  kysely,
  lockWallet,
  userChanged,
} from '@canteen/db';
import type { PrivacyEraseInput, PrivacyExport } from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import type { ContextInner } from '../../trpc/context';
import { recordAuditEvent } from '../audit/audit.service';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

/**
 * Where each reference to a person goes in their export, or why it does not. `test/privacy.test.ts` walks the
 * ORM's metadata and fails when an entity gains a reference to User that is not listed here.
 */
export const EXPORT_COVERAGE: Record<string, string> = {
  'Session.user': 'sessions',
  'PasswordReset.user': 'passwordResets',
  'PasswordReset.createdBy': 'not theirs: a reset an admin issued for someone else (the act is in auditEntries)',
  'AuditEntry.actor': 'auditEntries (byThem)',
  'WalletEntry.user': 'walletEntries',
  'WalletEntry.createdBy': 'not theirs: a credit they made to someone else (the act is in auditEntries)',
  'Order.user': 'orders',
  'Order.placedBy': 'orders (their own) and auditEntries (orders they took at the till for others)',
  'Order.refundedBy': 'not theirs: a refund they gave someone else (the act is in auditEntries)',
  'MenuDay.publishedBy': 'not theirs: a day of the menu plan they published (the act is in auditEntries)',
  'Post.author': 'posts',
  'Review.user': 'reviews',
  'Payment.user': 'payments',
  'Notification.user': 'notifications',
  'NotificationSettings.user': 'notificationSettings',
  'Favourite.user': 'favourites',
  'BlogFollow.user': 'followedChannels',
};

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Whose data the caller may export: their own; admins anyone's (on that person's request). */
const subjectOf = async (ctx: Ctx, userId: string | undefined): Promise<User> => {
  const actor = requireRole(ctx.user, 'signedIn');
  if (!userId || userId === actor.id) return actor;
  requireRole(actor, 'admin');
  return ctx.em.findOneOrFail(User, userId);
};

/** Everything about one person as one JSON document; the export itself is audited. */
export const exportPersonalData = async (ctx: Ctx, userId: string | undefined): Promise<PrivacyExport> => {
  const subject = await subjectOf(ctx, userId);
  const em = ctx.em;
  const user = await em.findOneOrFail(User, subject.id, { populate: ['department'], refresh: true });
  const [orders, entries, payments, reviews, posts, sessions, resets, audits, notifications, settings, favourites, follows] =
    await Promise.all([
      em.find(Order, { user }, { populate: ['lines'], orderBy: { createdAt: 'asc' } }),
      em.find(WalletEntry, { user }, { populate: ['payer'], orderBy: { occurredAt: 'asc', id: 'asc' } }),
      em.find(Payment, { user }, { orderBy: { createdAt: 'asc' } }),
      em.find(Review, { user }, { populate: ['product'], orderBy: { createdAt: 'asc' } }),
      em.find(Post, { author: user }, { orderBy: { createdAt: 'asc' } }),
      em.find(Session, { user }, { orderBy: { createdAt: 'asc' } }),
      em.find(PasswordReset, { user }, { orderBy: { createdAt: 'asc' } }),
      em.find(AuditEntry, { $or: [{ actor: user }, { entity: 'User', entityId: user.id }] }, { orderBy: { at: 'asc' } }),
      em.find(Notification, { user }, { orderBy: { createdAt: 'asc' } }),
      em.findOne(NotificationSettings, { user }),
      em.find(Favourite, { user }, { populate: ['product'], orderBy: { createdAt: 'asc' } }),
      em.find(BlogFollow, { user }, { populate: ['blog'], orderBy: { createdAt: 'asc' } }),
    ]);
  await recordAuditEvent(em, { action: 'privacy.export', entity: 'User', entityId: user.id });
  await em.flush();
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      employeeNumber: user.employeeNumber,
      role: user.role,
      departmentName: user.department?.getEntity().name ?? null,
      isActive: user.isActive,
      isTotpEnabled: Boolean(user.totpEnabledAt),
      language: user.language ?? null,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: iso(user.lastLoginAt),
      anonymizedAt: iso(user.anonymizedAt),
    },
    orders: orders.map((order) => ({
      id: order.id,
      status: order.status,
      totalCents: order.totalCents,
      createdAt: order.createdAt.toISOString(),
      refundedAt: iso(order.refundedAt),
      refundReason: order.refundReason ?? null,
      lines: order.lines.getItems().map((line) => ({
        productName: line.productName,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        options: line.options.map((option) => `${option.groupName}: ${option.name}`),
        note: line.note ?? null,
      })),
    })),
    walletEntries: entries.map((entry) => ({
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      kind: entry.kind,
      amountCents: entry.amountCents,
      payerName: entry.payer.getEntity().name,
      orderId: entry.order?.id ?? null,
      paymentId: entry.payment?.id ?? null,
      note: entry.note ?? null,
    })),
    notifications: notifications.map((notification) => ({
      id: notification.id,
      kind: notification.kind,
      payload: notification.payload,
      createdAt: notification.createdAt.toISOString(),
      readAt: iso(notification.readAt),
      emailedAt: iso(notification.emailedAt),
    })),
    favourites: favourites.map((favourite) => ({
      productName: favourite.product.getEntity().name,
      createdAt: favourite.createdAt.toISOString(),
    })),
    followedChannels: follows.map((follow) => ({
      channelName: follow.blog.getEntity().name,
      createdAt: follow.createdAt.toISOString(),
    })),
    notificationSettings: settings
      ? { emailKinds: [...settings.emailKinds], lowBalanceCents: settings.lowBalanceCents ?? null }
      : null,
    payments: payments.map((payment) => ({
      id: payment.id,
      provider: payment.provider,
      status: payment.status,
      amountCents: payment.amountCents,
      refundedCents: payment.refundedCents,
      createdAt: payment.createdAt.toISOString(),
      settledAt: iso(payment.settledAt),
    })),
    reviews: reviews.map((review) => ({
      id: review.id,
      productName: review.product.getEntity().name,
      rating: review.rating,
      comment: review.comment ?? null,
      status: review.status,
      createdAt: review.createdAt.toISOString(),
    })),
    posts: posts.map((post) => ({
      id: post.id,
      title: post.title ?? null,
      status: post.status,
      publishedAt: iso(post.publishedAt),
      createdAt: post.createdAt.toISOString(),
    })),
    sessions: sessions.map((session) => ({
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      rotatedAt: iso(session.rotatedAt),
      revokedAt: iso(session.revokedAt),
      ip: session.ip ?? null,
      userAgent: session.userAgent ?? null,
    })),
    passwordResets: resets.map((reset) => ({
      createdAt: reset.createdAt.toISOString(),
      expiresAt: reset.expiresAt.toISOString(),
      usedAt: iso(reset.usedAt),
    })),
    auditEntries: audits.map((entry) => {
      const byThem = entry.actor?.id === user.id;
      return {
        at: entry.at.toISOString(),
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        byThem,
        before: entry.before ?? null,
        after: entry.after ?? null,
        // Where someone else acted, their address and browser are theirs, not this person's.
        ip: byThem ? (entry.ip ?? null) : null,
        userAgent: byThem ? (entry.userAgent ?? null) : null,
      };
    }),
  };
};

/** The fields of a person's row and of audit snapshots that identify them. */
const PERSONAL_FIELDS = ['email', 'name', 'employeeNumber'];

const scrub = (snapshot: Record<string, unknown> | null | undefined): Record<string, unknown> | null => {
  if (!snapshot) return null;
  return Object.fromEntries(
    Object.entries(snapshot).map(([key, value]) => [key, PERSONAL_FIELDS.includes(key) ? '[erased]' : value]),
  );
};

/**
 * Erases a person on their request (admins): name, email, employee number, TOTP secret and password are
 * replaced, sessions and reset links deleted, the address and browser of everything they did removed from the
 * audit log, and their identifying fields scrubbed from the audit snapshots about them. Orders, ledger entries and
 * payments stay, pointing at the anonymous person, so every balance, report and statement still adds up. Written
 * with direct updates, not the unit of work, so no audit snapshot copies the erased values; one `privacy.erase`
 * entry records the act. It cannot be undone.
 */
export const erasePerson = async (ctx: Ctx, input: PrivacyEraseInput): Promise<{ userId: string; erasedAt: string }> => {
  const admin = requireRole(ctx.user, 'admin');
  if (input.userId === admin.id) {
    throw new AppError('FORBIDDEN', 'Another admin must erase your account', { reason: 'SELF_SERVICE_FORBIDDEN' });
  }
  const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));
  const erasedAt = new Date();
  await ctx.em.transactional(async (em) => {
    // The wallet lock keeps an order or a top-up from landing halfway through the erasure.
    await lockWallet(em, input.userId);
    const person = await em.findOneOrFail(User, input.userId, { refresh: true });
    if (person.anonymizedAt) throw new AppError('CONFLICT', 'This person has already been erased', { reason: 'ALREADY_ERASED' });
    if (input.confirmEmail.trim().toLowerCase() !== person.email.toLowerCase()) {
      throw new AppError('BAD_REQUEST', "The email typed does not match this person's email", {
        reason: 'CONFIRMATION_MISMATCH',
      });
    }
    const db = kysely(em);
    const tag = person.id.slice(-12);
    await db
      .updateTable('User')
      .set({
        name: 'Erased person',
        email: `erased-${person.id}@erased.invalid`,
        employeeNumber: `ERASED-${tag}`,
        passwordHash: unusableHash,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        isActive: false,
        anonymizedAt: erasedAt,
        sessionsRevokedAt: erasedAt,
        passwordChangedAt: erasedAt,
        updatedAt: erasedAt,
      })
      .where('id', '=', person.id)
      .execute();
    userChanged(person.id);
    await db.deleteFrom('Session').where('user', '=', person.id).execute();
    await db.deleteFrom('PasswordReset').where('user', '=', person.id).execute();
    // What they were told is theirs alone; nothing else depends on it.
    await db.deleteFrom('Notification').where('user', '=', person.id).execute();
    await db.deleteFrom('NotificationSettings').where('user', '=', person.id).execute();
    await db.deleteFrom('Favourite').where('user', '=', person.id).execute();
    await db.deleteFrom('BlogFollow').where('user', '=', person.id).execute();
    // Their notes for the kitchen are their words; the lines themselves stay (sales and the ledger).
    await db
      .updateTable('OrderLine')
      .set({ note: null })
      .where('order', 'in', (eb) => eb.selectFrom('Order').select('id').where('user', '=', person.id))
      .where('note', 'is not', null)
      .execute();
    await db.updateTable('AuditEntry').set({ ip: null, userAgent: null }).where('actor', '=', person.id).execute();
    const snapshots = await em.find(AuditEntry, { entity: 'User', entityId: person.id });
    for (const entry of snapshots) {
      await db
        .updateTable('AuditEntry')
        .set({ before: scrub(entry.before), after: scrub(entry.after) })
        .where('id', '=', entry.id)
        .execute();
    }
    await recordAuditEvent(em, {
      action: 'privacy.erase',
      entity: 'User',
      entityId: person.id,
      after: { erasedAt: erasedAt.toISOString() },
    });
    await em.flush();
  });
  // Told once more now that it is committed: a request that read the row before could otherwise cache it.
  userChanged(input.userId);
  return { userId: input.userId, erasedAt: erasedAt.toISOString() };
};
