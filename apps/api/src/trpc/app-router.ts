import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { auditRouter } from '../modules/audit/audit.router';
import { authRouter } from '../modules/auth/auth.router';
import { departmentRouter } from '../modules/department/department.router';
import { categoryRouter, productRouter } from '../modules/menu/menu.router';
import { blogRouter, postRouter } from '../modules/news/news.router';
import { orderRouter } from '../modules/order/order.router';
import { reviewRouter } from '../modules/review/review.router';
import { payerRouter, walletRouter } from '../modules/wallet/wallet.router';
import { settingsRouter } from '../modules/settings/settings.router';
import { userRouter } from '../modules/user/user.router';
import { router } from './init';

export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  department: departmentRouter,
  audit: auditRouter,
  settings: settingsRouter,
  category: categoryRouter,
  product: productRouter,
  payer: payerRouter,
  wallet: walletRouter,
  order: orderRouter,
  blog: blogRouter,
  post: postRouter,
  review: reviewRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
