import { AuditEntrySchema } from './audit/audit-entry.entity';
import { DepartmentSchema } from './department/department.entity';
import { LiveEventSchema } from './live/live-event.entity';
import { NotificationSchema, NotificationSettingsSchema } from './notification/notification.entity';
import { CategorySchema } from './menu/category.entity';
import { FavouriteSchema } from './menu/favourite.entity';
import { ProductSchema } from './menu/product.entity';
import { BlogFollowSchema } from './news/blog-follow.entity';
import { MenuDayDishSchema, MenuDaySchema } from './plan/menu-day.entity';
import { PickupSlotSchema, SlotBookingSchema } from './plan/pickup-slot.entity';
import { BlogSchema, PostSchema } from './news/blog.entity';
import {
  FundingDaySchema,
  ProductSalesDaySchema,
  ProductSalesMonthSchema,
  SalesDaySchema,
  WalletMonthSchema,
} from './report/sales-summary.entity';
import { ReviewSchema } from './review/review.entity';
import { OrderLineSchema, OrderSchema } from './order/order.entity';
import { PaymentSchema, WebhookEventSchema } from './payment/payment.entity';
import { SessionSchema } from './session/session.entity';
import { SettingSchema } from './setting/setting.entity';
import { PasswordResetSchema } from './user/password-reset.entity';
import { UserSchema } from './user/user.entity';
import { PayerSchema } from './wallet/payer.entity';
import { WalletDrawSchema, WalletEntrySchema } from './wallet/wallet-entry.entity';

/** Every entity, listed explicitly (no folder discovery), so the bundled API carries them. */
export const ENTITIES = [
  DepartmentSchema,
  UserSchema,
  SessionSchema,
  PasswordResetSchema,
  AuditEntrySchema,
  SettingSchema,
  CategorySchema,
  ProductSchema,
  PayerSchema,
  WalletEntrySchema,
  WalletDrawSchema,
  OrderSchema,
  OrderLineSchema,
  BlogSchema,
  PostSchema,
  ReviewSchema,
  PaymentSchema,
  WebhookEventSchema,
  SalesDaySchema,
  ProductSalesDaySchema,
  ProductSalesMonthSchema,
  FundingDaySchema,
  WalletMonthSchema,
  LiveEventSchema,
  NotificationSchema,
  NotificationSettingsSchema,
  FavouriteSchema,
  BlogFollowSchema,
  PickupSlotSchema,
  SlotBookingSchema,
  MenuDaySchema,
  MenuDayDishSchema,
];
