import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { auditRouter } from '../modules/audit/audit.router';
import { configRouter } from '../modules/config/config.router';
import { authRouter } from '../modules/auth/auth.router';
import { departmentRouter } from '../modules/department/department.router';
import { kitchenRouter } from '../modules/kitchen/kitchen.router';
import { planRouter } from '../modules/plan/plan.router';
import { slotRouter } from '../modules/slot/slot.router';
import { liveRouter } from '../modules/live/live.router';
import { notificationRouter } from '../modules/notification/notification.router';
import { blogRouter } from '../modules/blog/blog.router';
import { categoryRouter } from '../modules/category/category.router';
import { orderRouter } from '../modules/order/order.router';
import { payerRouter } from '../modules/payer/payer.router';
import { paymentRouter } from '../modules/payment/payment.router';
import { postRouter } from '../modules/post/post.router';
import { privacyRouter } from '../modules/privacy/privacy.router';
import { productRouter } from '../modules/product/product.router';
import { reportRouter } from '../modules/report/report.router';
import { reviewRouter } from '../modules/review/review.router';
import { walletRouter } from '../modules/wallet/wallet.router';
import { settingsRouter } from '../modules/settings/settings.router';
import { userRouter } from '../modules/user/user.router';
import { router } from './init';

export const appRouter = router({
  auth: authRouter,
  config: configRouter,
  user: userRouter,
  department: departmentRouter,
  audit: auditRouter,
  settings: settingsRouter,
  category: categoryRouter,
  product: productRouter,
  payer: payerRouter,
  wallet: walletRouter,
  payment: paymentRouter,
  order: orderRouter,
  kitchen: kitchenRouter,
  plan: planRouter,
  slot: slotRouter,
  live: liveRouter,
  notification: notificationRouter,
  blog: blogRouter,
  post: postRouter,
  review: reviewRouter,
  privacy: privacyRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
