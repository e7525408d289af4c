import type { CanteenConfig } from '@canteen/shared';
import type { LiveHub } from './lib/live';
import type { LoginGuard } from './lib/login-guard';
import type { MenuCache } from './lib/menu-cache';
import type { RateLimits } from './lib/rate-limit';
import type { RecentWrites } from './lib/replica';
import type { SettingsStore } from './lib/settings';
import type { TokenSigner } from './lib/tokens';
import type { UserCache } from './lib/user-cache';
import type { UnsubscribeTokens } from './modules/notification/notification.emails';
import type { Notifier } from './modules/notification/notifier';
import type { Payments } from './modules/payment/payments';

/** Process-wide collaborators every request shares. */
export type Deps = {
  tokens: TokenSigner;
  /** The signed-in person behind an access token, kept for a few seconds. */
  users: UserCache;
  rateLimits: RateLimits;
  /** Counts failed sign-ins and password checks; locks (account, address) pairs and noisy addresses. */
  loginGuard: LoginGuard;
  settings: SettingsStore;
  refreshTtlDays: number;
  menuCache: MenuCache;
  /** Card top-ups: the payment provider, its limits and the job queue. */
  payments: Payments;
  /** Who changed something a moment ago, so their reads stay on the primary; null without read replicas. */
  recentWrites: RecentWrites | null;
  /** Live events for open screens: subscriptions, and the wake after a commit that recorded some (lib/live.ts). */
  live: LiveHub;
  /** Tells people things: notification rows, their live event and email jobs, in the caller's transaction. */
  notifier: Notifier;
  /** Signs and checks the unsubscribe link of notification emails. */
  unsubscribeTokens: UnsubscribeTokens;
  /** The canteen's name, address, currency and time zone (`config.get`). */
  canteen: CanteenConfig;
  /** Domain ceilings set by configuration. */
  limits: {
    orderMaxTotalCents: number;
    /** Credits by managers to one person in 24 hours above this need an admin. */
    managerDailyCreditLimitCents: number;
  };
};
