import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notification } from '@canteen/db';
import type { Jobs } from '../src/lib/jobs';
import { createMailer, moneyFormatter } from '../src/lib/mail';
import { createUnsubscribeTokens, workNotificationEmails } from '../src/modules/notification/notification.emails';
import { createNotifier } from '../src/modules/notification/notifier';
import {
  TEST_SECRET,
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  makeCast,
  makePayer,
  makeProduct,
  newIdempotencyKey,
  silentLogger,
  startTestJobs,
} from './helpers';

const orm = await getTestOrm();

/** A cast whose employee can pay, a dish, and callers for each of them. */
const setUp = async (deps = createTestDeps()) => {
  const cast = await makeCast(orm);
  await fund(orm, cast.employee, await makePayer(orm), 5_000);
  const dish = await makeProduct(orm, { priceCents: 600 });
  const as = (who: 'employee' | 'manager' | 'kitchen') => createTestCaller({ user: cast[who], deps });
  const order = async () =>
    (await as('employee')).order.place({ items: [{ productId: dish.id, quantity: 1 }], idempotencyKey: newIdempotencyKey() });
  return { ...cast, dish, as, order };
};

describe('notifications in the app', () => {
  it('tell the owner their order is ready, count unread, and are read only by their owner', async () => {
    const w = await setUp();
    const placed = await w.order();
    const kitchen = await w.as('kitchen');
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'preparing' });
    await kitchen.kitchen.setStatus({ orderId: placed.id, status: 'ready' });
    const employee = await w.as('employee');
    const page = await employee.notification.list({});
    expect(page.unreadCount).toBe(1);
    expect(page.items[0]).toMatchObject({ kind: 'order_ready', payload: { orderId: placed.id }, readAt: null });
    // Nobody else sees it, nor can mark it.
    const manager = await w.as('manager');
    expect((await manager.notification.list({})).items.some((n) => n.id === page.items[0]!.id)).toBe(false);
    expect((await manager.notification.markRead({ ids: [page.items[0]!.id] })).unreadCount).toBe(0);
    expect((await employee.notification.list({ unreadOnly: true })).items).toHaveLength(1);
    expect((await employee.notification.markRead({ all: true })).unreadCount).toBe(0);
    expect((await employee.notification.list({})).items[0]!.readAt).not.toBeNull();
  });

  it('tell of a refund and a cancellation, with the amount', async () => {
    const w = await setUp();
    const refunded = await w.order();
    await (await w.as('manager')).order.refund({ orderId: refunded.id, reason: 'Cold' });
    const cancelled = await w.order();
    await (await w.as('employee')).order.cancel({ orderId: cancelled.id });
    const { items } = await (await w.as('employee')).notification.list({});
    expect(items.map((n) => [n.kind, n.payload.orderId, n.payload.amountCents])).toEqual([
      ['order_cancelled', cancelled.id, 600],
      ['order_refunded', refunded.id, 600],
    ]);
    expect(items[1]!.payload.reason).toBe('Cold');
  });

  it('warn once when a lunch takes the balance below the threshold the person chose', async () => {
    const w = await setUp();
    const employee = await w.as('employee');
    const settings = await employee.notification.updateSettings({ emailKinds: [], lowBalanceCents: 4_000 });
    expect(settings).toMatchObject({ emailKinds: [], lowBalanceCents: 4_000, isEmailAvailable: false });
    await w.order(); // 5,000 -> 4,400: still above
    await w.order(); // 4,400 -> 3,800: below
    await w.order(); // 3,800 -> 3,200: already below, no second warning
    const lows = (await employee.notification.list({})).items.filter((n) => n.kind === 'balance_low');
    expect(lows).toHaveLength(1);
    expect(lows[0]!.payload).toEqual({ balanceCents: 3_800, thresholdCents: 4_000 });
  });
});

describe('news channels people follow', () => {
  it('tell their followers of a new post (not its author, not a draft until it is published)', async () => {
    const w = await setUp();
    const manager = await w.as('manager');
    const blog = await manager.blog.create({
      name: `Kitchen news ${w.department.code}`,
      slug: `kitchen-${w.department.code.toLowerCase()}`,
    });
    const employee = await w.as('employee');
    expect((await employee.blog.follow({ id: blog.id, isFollowing: true })).ids).toEqual([blog.id]);
    expect((await employee.blog.follow({ id: blog.id, isFollowing: true })).ids).toEqual([blog.id]);
    await manager.blog.follow({ id: blog.id, isFollowing: true });
    const post = await manager.post.create({ blogId: blog.id, title: 'Pizza Friday', content: 'Pizza on Friday.' });
    const draft = await manager.post.create({ blogId: blog.id, content: 'Soon', status: 'draft' });
    const news = () => employee.notification.list({}).then((page) => page.items.filter((n) => n.kind === 'news_post'));
    expect((await news()).map((n) => n.payload)).toEqual([{ postId: post.id, blogName: blog.name, postTitle: 'Pizza Friday' }]);
    // The author is not told of their own post.
    expect((await manager.notification.list({})).items.some((n) => n.kind === 'news_post')).toBe(false);
    await manager.post.update({ id: draft.id, status: 'published' });
    expect((await news()).map((n) => n.payload.postId)).toEqual([draft.id, post.id]);
    // Unfollowed: nothing more.
    expect((await employee.blog.follow({ id: blog.id, isFollowing: false })).ids).toEqual([]);
    await manager.post.create({ blogId: blog.id, content: 'Another' });
    expect(await news()).toHaveLength(2);
    expect((await employee.blog.following()).ids).toEqual([]);
  });
});

describe('notifications by email, through a real SMTP server', () => {
  const received: ParsedMail[] = [];
  let failNext = 0;
  let waiters: (() => void)[] = [];
  /** Parses a delivered message, keeps it and wakes whoever waits; then answers the client. */
  const accept = async (raw: Buffer, callback: (error?: Error | null) => void) => {
    const mail = await simpleParser(raw);
    received.push(mail);
    for (const wake of waiters) wake();
    waiters = [];
    callback();
  };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        void accept(Buffer.concat(chunks), callback);
      });
    },
  });
  let jobs: Jobs;
  let port = 0;

  /** Waits (up to a deadline) for an email whose subject matches. */
  const mailMatching = async (subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find((mail) => subject.test(mail.subject ?? ''));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no email matching ${subject}; got ${received.map((m) => m.subject).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    jobs = await startTestJobs(`pgboss_mail_${process.pid}`);
    await workNotificationEmails(jobs, () => orm.em.fork(), {
      mailer: createMailer({ url: `smtp://127.0.0.1:${port}`, from: 'Test Canteen <canteen@example.test>' }),
      tokens: createUnsubscribeTokens(TEST_SECRET),
      publicUrl: () => 'https://canteen.example.test',
      money: moneyFormatter('EUR'),
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends what the person wants by email, with a link that turns email off', async () => {
    const deps = createTestDeps({ notifier: createNotifier({ jobs, isEmailAvailable: true }) });
    const w = await setUp(deps);
    const refunded = await w.order();
    await (await w.as('manager')).order.refund({ orderId: refunded.id, reason: 'Cold soup' });
    const number = refunded.id.replace(/-/g, '').slice(-8).toUpperCase();
    const mail = await mailMatching(new RegExp(`Order #${number} refunded`));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(w.employee.email);
    expect(mail.text).toContain('€6.00 went back to your wallet. Reason: Cold soup');
    expect(mail.text).toContain(`https://canteen.example.test/orders/${refunded.id}`);
    const unsubscribe = /https:\/\/canteen\.example\.test\/unsubscribe\?token=(\S+)/.exec(mail.text ?? '')![1]!;
    // List-Unsubscribe, which mail programs show as their own "unsubscribe" button.
    expect(JSON.stringify(mail.headers.get('list'))).toContain('/unsubscribe?token=');
    // Marked emailed once the SMTP server took it (right after the send returns).
    await expect
      .poll(
        async () => (await orm.em.fork().findOneOrFail(Notification, { user: w.employee.id, kind: 'order_refunded' })).emailedAt,
      )
      .not.toBeNull();

    // "Ready" is in the app by default, not by email.
    const ready = await w.order();
    await (await w.as('kitchen')).kitchen.setStatus({ orderId: ready.id, status: 'preparing' });
    await (await w.as('kitchen')).kitchen.setStatus({ orderId: ready.id, status: 'ready' });

    // The link, opened without signing in, turns every email off; the next refund is in the app only.
    const anonymous = await createTestCaller({ user: null, deps });
    expect(await anonymous.notification.unsubscribe({ token: decodeURIComponent(unsubscribe) })).toEqual({ ok: true });
    expect((await (await w.as('employee')).notification.settings()).emailKinds).toEqual([]);
    await expect(anonymous.notification.unsubscribe({ token: 'x'.repeat(40) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const again = await w.order();
    await (await w.as('manager')).order.refund({ orderId: again.id });
    const queued = await orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from pgboss_mail_${process.pid}.job where name = 'notification-email' and data->>'notificationId' in
         (select id::text from notification where user_id = ? and kind in ('order_ready', 'order_refunded') and created_at > now() - interval '1 minute')`,
        [w.employee.id],
      );
    // One job: the first refund's. None for "ready" (not wanted by email) nor for the refund after unsubscribing.
    expect(queued[0]!.n).toBe(1);
  });

  it('speaks the language the person uses the app in, amounts written as its readers write them', async () => {
    const deps = createTestDeps({ notifier: createNotifier({ jobs, isEmailAvailable: true }) });
    const w = await setUp(deps);
    // The app tells the account which language it shows (auth.setLanguage); from then on, emails follow it.
    const session = await (await w.as('employee')).auth.setLanguage({ language: 'de' });
    expect(session.language).toBe('de');
    const refunded = await w.order();
    await (await w.as('manager')).order.refund({ orderId: refunded.id, reason: 'Suppe kalt' });
    const number = refunded.id.replace(/-/g, '').slice(-8).toUpperCase();
    const mail = await mailMatching(new RegExp(`Bestellung #${number} erstattet`));
    // German writes the amount "6,00 €" (with a no-break space, as Intl writes it).
    expect(mail.text).toContain('6,00\u00a0€ wurden Ihrem Guthaben wieder gutgeschrieben. Grund: Suppe kalt');
    expect(mail.text).toContain('Diese E-Mails abbestellen: https://canteen.example.test/unsubscribe?token=');
    expect(mail.html).toContain('>Canteen öffnen</a>');
  });

  it('retries when the SMTP server refuses for a moment, and sends once', async () => {
    const deps = createTestDeps({ notifier: createNotifier({ jobs, isEmailAvailable: true }) });
    const w = await setUp(deps);
    failNext = 1;
    const refunded = await w.order();
    await (await w.as('manager')).order.refund({ orderId: refunded.id });
    const number = refunded.id.replace(/-/g, '').slice(-8).toUpperCase();
    await mailMatching(new RegExp(`Order #${number} refunded`), 40_000);
    expect(failNext).toBe(0);
    expect(received.filter((mail) => mail.subject?.includes(number))).toHaveLength(1);
  }, 60_000);
});
