export { auditContext, runWithAudit, setAuditActor, type AuditContext } from './audit/audit-context';
export { AuditEntry } from './audit/audit-entry.entity';
export { purgeExpiredResets, purgeExpiredSessions, retireAuditEntries } from './audit/retention.repository';
export { redact } from './audit/audit.subscriber';
export { newId } from './common/base';
export { MAX_SEARCH_WORDS, matchesSearch, searchCondition, searchRank, searchWords, type SearchMode } from './common/search';
export { EntityNotFoundError } from './common/not-found';
export { Department } from './department/department.entity';
export {
  EmbeddedPostgresError,
  isProcessRunning,
  releaseEmbeddedSignalHandlers,
  startEmbeddedPostgres,
  stopStalePostgres,
  type RunningPostgres,
} from './embedded';
export { ENTITIES } from './entities';
export {
  checkIntegrity,
  ledgerViolations,
  negativeViolations,
  orderViolations,
  summaryDrift,
} from './integrity/integrity.repository';
export { buildCategory, buildDepartment, buildLot, buildPayer, buildProduct, buildUser } from './factories';
export { generateHistory, HISTORY_DEFAULTS, type HistoryOptions, type HistoryResult } from './generator/history';
export { kysely, readKysely, type CanteenDb } from './query';
export { findFreePort, isPortFree } from './ports';
export { createOrmConfig, type OrmConfigInput } from './config';
export { Session } from './session/session.entity';
export { Setting } from './setting/setting.entity';
export { PasswordReset } from './user/password-reset.entity';
export { hashPassword, verifyPassword } from './user/password-hash';
export { User } from './user/user.entity';
export { userChanged, userChanges } from './user/user-changes';
export { countLoginFailure, type LoginFailureCount } from './user/user.repository';
export { Category } from './menu/category.entity';
export { Product } from './menu/product.entity';
export { adjustRating, putBackStock, takeStock } from './menu/product.repository';
export { Order, OrderLine } from './order/order.entity';
export { hasBought } from './order/order.repository';
export {
  insertOrder,
  insertOrderLedger,
  insertOrderLines,
  startOrder,
  takeBasket,
  type AuditStamp,
  type NewAuditEntry,
} from './order/place-order.repository';
export {
  ALL_DEPARTMENTS,
  FundingDay,
  NO_DEPARTMENT,
  ProductSalesDay,
  SalesDay,
  WalletMonth,
} from './report/sales-summary.entity';
export { Payer } from './wallet/payer.entity';
export { WalletDraw, WalletEntry } from './wallet/wallet-entry.entity';
export {
  balanceByPayer,
  dailyBalances,
  lockWallet,
  openLots,
  recentNonAdminCredits,
} from './wallet/wallet-entry.repository';
export { Blog, Post } from './news/blog.entity';
export { Review } from './review/review.entity';
export { Payment, WebhookEvent } from './payment/payment.entity';
export { recordWebhookEvent, topUpsInLastDay } from './payment/payment.repository';
export { LiveEvent, LIVE_AUDIENCES, type LiveAudience } from './live/live-event.entity';
export {
  isAfter,
  isLiveEventKept,
  liveHorizon,
  liveKey,
  parseLiveKey,
  pruneLiveEvents,
  readLiveEvents,
  recordLiveEvents,
  type LivePosition,
  type NewLiveEvent,
  type StoredLiveEvent,
} from './live/live-event.repository';
export { Notification, NotificationSettings } from './notification/notification.entity';
export { Favourite } from './menu/favourite.entity';
export { BlogFollow } from './news/blog-follow.entity';
export { MenuDay, MenuDayDish } from './plan/menu-day.entity';
export { PickupSlot, SlotBooking } from './plan/pickup-slot.entity';
export * from './plan/plan.repository';
