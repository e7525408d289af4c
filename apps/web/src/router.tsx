import type { Role } from '@canteen/shared/constants';
import { type AccessRule, canAccess } from '@canteen/shared/rules';
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  useNavigate,
  useRouter,
} from '@tanstack/react-router';
import { type CSSProperties, Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from './components/app-shell';
import { NotFound, NotFoundPage, RouteError } from './components/route-status';
import { PageSpinner } from './components/spinner';
import { safeRedirect } from './features/auth/safe-redirect';
import { type SessionUser, useSession, waitForSession } from './lib/auth';
import {
  AuditSearchSchema,
  LoginSearchSchema,
  MenuSearchSchema,
  OrdersSearchSchema,
  PlanSearchSchema,
  ReceiptSearchSchema,
  ReportsSearchSchema,
  ResetPasswordSearchSchema,
  UnsubscribeSearchSchema,
  ProductionSheetSearchSchema,
  StatementSearchSchema,
  TopUpReturnSearchSchema,
  WalletSearchSchema,
} from './lib/search-params';
import { queryClient } from './lib/trpc';
import { useChosenTheme } from './lib/theme';

type RouterContext = { queryClient: QueryClient };

/**
 * Sonner's rich-colour text is a shade too light on its tinted backgrounds (about 4.3:1 for success and error);
 * Tailwind's 800 shades make every toast readable (WCAG AA). Inline, so they win over the toaster's own sheet.
 */
const TOAST_COLOURS = {
  '--success-text': 'var(--color-emerald-800)',
  '--info-text': 'var(--color-sky-800)',
  '--warning-text': 'var(--color-amber-800)',
  '--error-text': 'var(--color-red-800)',
} as CSSProperties;

// Toasts only follow user actions, so the toaster can arrive a moment after the first paint.
const Toaster = lazy(() => import('sonner').then((module) => ({ default: module.Toaster })));
/** The toasts, clear of the header and of the page's own buttons; their region and close buttons named in the language shown. */
const Toasts = () => {
  const { t } = useTranslation('common');
  const theme = useChosenTheme();
  return (
    <Suspense>
      <Toaster
        // Bottom right, off the page header's own buttons (top right) and the header. Below 1024 px the till keeps
        // its order bar (57 px) fixed at the bottom: the toasts stay above it there, and on phones.
        position="bottom-right"
        offset={{ bottom: 'calc(24px + clamp(0px, (1024px - 100vw) * 1000, 48px))' }}
        mobileOffset={{ bottom: 72 }}
        richColors
        closeButton
        theme={theme ?? 'system'}
        style={TOAST_COLOURS}
        containerAriaLabel={t('toasts.region')}
        toastOptions={{ closeButtonAriaLabel: t('toasts.close') }}
      />
    </Suspense>
  );
};

const LoginPage = lazyRouteComponent(() => import('./features/auth/login-page'), 'LoginPage');

/** Where a role starts: the kitchen at its display, everyone else at the menu. */
export const homeOf = (role: Role): '/kitchen' | '/menu' => (role === 'kitchen' ? '/kitchen' : '/menu');

/** Kitchen staff have no wallet: only their display and their profile are theirs. */
const KITCHEN_STAFF_PATHS = ['/kitchen', '/kitchen/sheet', '/profile'];

const requireRole = (rule: AccessRule) => (options: { context: { user: SessionUser } }) => {
  if (!canAccess(options.context.user.role, rule)) throw redirect({ to: homeOf(options.context.user.role) });
};

/** Re-runs the route guards when the session ends or its 2FA requirement changes, wherever the user is. */
const SessionGuard = () => {
  const router = useRouter();
  const session = useSession();
  const guardKey = session.status === 'signedIn' ? `in:${session.user.id}:${session.user.mustEnrolTotp}` : session.status;
  useEffect(() => {
    if (guardKey === 'loading') return;
    // Nothing cached for one user may be shown to the next.
    if (guardKey === 'signedOut') queryClient.clear();
    void router.invalidate();
  }, [guardKey, router]);
  return null;
};

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <>
      <SessionGuard />
      <Outlet />
      <Toasts />
    </>
  ),
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: LoginSearchSchema,
  beforeLoad: async ({ search }) => {
    const session = await waitForSession();
    if (session.status === 'signedIn') throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: function LoginRoute() {
    const { redirect: redirectTo } = loginRoute.useSearch();
    return <LoginPage redirectTo={redirectTo} />;
  },
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: ResetPasswordSearchSchema,
  component: lazyRouteComponent(() => import('./features/auth/reset-password-page'), 'ResetPasswordPage'),
});

const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unsubscribe',
  validateSearch: UnsubscribeSearchSchema,
  component: lazyRouteComponent(() => import('./features/notifications/unsubscribe-page'), 'UnsubscribePage'),
});

/** Everything behind sign-in. Staff who must enrol in 2FA can only reach their profile. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    const session = await waitForSession();
    if (session.status !== 'signedIn') {
      const isDeepLink = location.pathname !== '/' && !(session.status === 'signedOut' && session.isByUser);
      throw redirect({ to: '/login', search: isDeepLink ? { redirect: location.href } : {} });
    }
    if (session.user.mustEnrolTotp && location.pathname !== '/profile') throw redirect({ to: '/profile' });
    if (session.user.role === 'kitchen' && !KITCHEN_STAFF_PATHS.includes(location.pathname)) throw redirect({ to: '/kitchen' });
    return { user: session.user };
  },
  component: AppShell,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homeOf(context.user.role) });
  },
});

// The menu is the landing page but carries the filter widgets: its chunk is fetched right away, in
// parallel with the session check, instead of weighing down the first bundle.
const loadMenuPage = () => import('./features/menu/menu-page');
if (typeof window !== 'undefined' && ['/', '/menu'].includes(window.location.pathname)) void loadMenuPage();
const MenuPage = lazyRouteComponent(loadMenuPage, 'MenuPage');
const menuRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'menu',
  validateSearch: MenuSearchSchema,
  component: function MenuRoute() {
    const search = menuRoute.useSearch();
    const navigate = useNavigate();
    return (
      <MenuPage
        search={search}
        // Starting a search is a step Back undoes; refining the words as one types replaces it.
        onSearchChange={(next, isTyping) =>
          void navigate({ to: '/menu', search: next, replace: isTyping === true && Boolean(search.q) })
        }
      />
    );
  },
});

const cartRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'cart',
  component: lazyRouteComponent(() => import('./features/cart/cart-page'), 'CartPage'),
});

const OrdersPage = lazyRouteComponent(() => import('./features/orders/orders-page'), 'OrdersPage');
const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orders',
  validateSearch: OrdersSearchSchema,
  component: function OrdersRoute() {
    const search = ordersRoute.useSearch();
    const navigate = useNavigate();
    return (
      <OrdersPage
        search={search}
        onSearchChange={(next, isTyping) =>
          void navigate({ to: '/orders', search: next, replace: isTyping === true && Boolean(search.q) })
        }
      />
    );
  },
});

const ReceiptPage = lazyRouteComponent(() => import('./features/orders/receipt-page'), 'ReceiptPage');
const receiptRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orders/$orderId',
  validateSearch: ReceiptSearchSchema,
  component: function ReceiptRoute() {
    const { orderId } = receiptRoute.useParams();
    const { placed } = receiptRoute.useSearch();
    return <ReceiptPage key={orderId} orderId={orderId} isJustPlaced={placed !== undefined} />;
  },
});

const WalletPage = lazyRouteComponent(() => import('./features/wallet/wallet-page'), 'WalletPage');
const walletRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'wallet',
  validateSearch: WalletSearchSchema,
  component: function WalletRoute() {
    const { topUp, amount } = walletRoute.useSearch();
    return <WalletPage topUpRequest={topUp === undefined ? null : { amountCents: amount }} />;
  },
});

// Where the payment provider's checkout sends people back; the API serves the app here like any app route.
const TopUpReturnPage = lazyRouteComponent(() => import('./features/wallet/top-up-return-page'), 'TopUpReturnPage');
const topUpReturnRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'top-up/return',
  validateSearch: TopUpReturnSearchSchema,
  component: function TopUpReturnRoute() {
    const { payment, cancelled } = topUpReturnRoute.useSearch();
    return <TopUpReturnPage key={payment} paymentId={payment} isCancelled={cancelled === 1} />;
  },
});

const newsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'news',
  component: lazyRouteComponent(() => import('./features/news/news-page'), 'NewsPage'),
});

const PostPage = lazyRouteComponent(() => import('./features/news/post-page'), 'PostPage');
const postRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'news/$postId',
  component: function PostRoute() {
    const { postId } = postRoute.useParams();
    return <PostPage key={postId} postId={postId} />;
  },
});

const PostEditorPage = lazyRouteComponent(() => import('./features/news/post-editor-page'), 'PostEditorPage');
const newPostRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'news/new',
  beforeLoad: requireRole('manager'),
  component: () => <PostEditorPage />,
});

const editPostRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'news/$postId/edit',
  beforeLoad: requireRole('manager'),
  component: function EditPostRoute() {
    const { postId } = editPostRoute.useParams();
    return <PostEditorPage key={postId} postId={postId} />;
  },
});

const reviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reviews',
  beforeLoad: requireRole('manager'),
  component: lazyRouteComponent(() => import('./features/reviews/reviews-page'), 'ReviewsPage'),
});

const productsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'products',
  beforeLoad: requireRole('manager'),
  component: lazyRouteComponent(() => import('./features/products/products-page'), 'ProductsPage'),
});

const PlanPage = lazyRouteComponent(() => import('./features/plan/plan-page'), 'PlanPage');
const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plan',
  validateSearch: PlanSearchSchema,
  beforeLoad: requireRole('manager'),
  component: function PlanRoute() {
    const { week } = planRoute.useSearch();
    const navigate = useNavigate();
    return <PlanPage week={week} onWeekChange={(next) => void navigate({ to: '/plan', search: next ? { week: next } : {} })} />;
  },
});

const creditsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'credits',
  beforeLoad: requireRole('manager'),
  component: lazyRouteComponent(() => import('./features/credits/credits-page'), 'CreditsPage'),
});

const ReportsPage = lazyRouteComponent(() => import('./features/report/reports-page'), 'ReportsPage');
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports',
  validateSearch: ReportsSearchSchema,
  beforeLoad: requireRole('manager'),
  component: function ReportsRoute() {
    return <ReportsPage search={reportsRoute.useSearch()} />;
  },
});

// The person page links here; printed, it is what payroll files.
const StatementPage = lazyRouteComponent(() => import('./features/report/statement-page'), 'StatementPage');
const statementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/statement',
  validateSearch: StatementSearchSchema,
  beforeLoad: requireRole('manager'),
  component: function StatementRoute() {
    const { userId, month } = statementRoute.useSearch();
    return <StatementPage key={userId ?? 'none'} userId={userId} month={month} />;
  },
});

// Sales became the Orders tab of Reports; old links and bookmarks still land on the order list.
const salesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sales',
  beforeLoad: () => {
    throw redirect({ to: '/reports', search: { tab: 'orders' } });
  },
});

const tillRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'till',
  beforeLoad: requireRole('manager'),
  component: lazyRouteComponent(() => import('./features/till/till-page'), 'TillPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'profile',
  component: lazyRouteComponent(() => import('./features/profile/profile-page'), 'ProfilePage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people',
  beforeLoad: requireRole('manager'),
  component: lazyRouteComponent(() => import('./features/people/people-page'), 'PeoplePage'),
});

const PersonPage = lazyRouteComponent(() => import('./features/people/person-page'), 'PersonPage');
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people/$userId',
  beforeLoad: requireRole('manager'),
  component: function PersonRoute() {
    const { userId } = personRoute.useParams();
    return <PersonPage key={userId} userId={userId} />;
  },
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/users',
  beforeLoad: requireRole('admin'),
  component: lazyRouteComponent(() => import('./features/users/users-page'), 'UsersPage'),
});

const departmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/departments',
  beforeLoad: requireRole('admin'),
  component: lazyRouteComponent(() => import('./features/departments/departments-page'), 'DepartmentsPage'),
});

const AuditPage = lazyRouteComponent(() => import('./features/audit/audit-page'), 'AuditPage');
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/audit',
  beforeLoad: requireRole('admin'),
  validateSearch: AuditSearchSchema,
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = useNavigate();
    return (
      <AuditPage
        search={search}
        onSearchChange={(next, isTyping) => void navigate({ to: '/admin/audit', search: next, replace: isTyping === true })}
      />
    );
  },
});

const paymentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/payments',
  beforeLoad: requireRole('admin'),
  component: lazyRouteComponent(() => import('./features/payments/payments-page'), 'PaymentsPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/settings',
  beforeLoad: requireRole('admin'),
  component: lazyRouteComponent(() => import('./features/settings/settings-page'), 'SettingsPage'),
});

/** Any other address, for someone signed in: "Page not found" inside the app, with its navigation. */
const kitchenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'kitchen',
  beforeLoad: requireRole('kitchen'),
  component: lazyRouteComponent(() => import('./features/kitchen/kitchen-page'), 'KitchenPage'),
});

const ProductionSheetPage = lazyRouteComponent(() => import('./features/kitchen/production-sheet-page'), 'ProductionSheetPage');
const productionSheetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'kitchen/sheet',
  beforeLoad: requireRole('kitchen'),
  validateSearch: ProductionSheetSearchSchema,
  component: function ProductionSheetRoute() {
    const { day } = productionSheetRoute.useSearch();
    const navigate = useNavigate();
    return (
      <ProductionSheetPage day={day} onDayChange={(next) => void navigate({ to: '/kitchen/sheet', search: { day: next } })} />
    );
  },
});

const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  resetPasswordRoute,
  unsubscribeRoute,
  appRoute.addChildren([
    indexRoute,
    menuRoute,
    cartRoute,
    ordersRoute,
    receiptRoute,
    walletRoute,
    topUpReturnRoute,
    newsRoute,
    postRoute,
    newPostRoute,
    editPostRoute,
    productsRoute,
    planRoute,
    creditsRoute,
    reportsRoute,
    statementRoute,
    salesRoute,
    tillRoute,
    reviewsRoute,
    profileRoute,
    peopleRoute,
    personRoute,
    usersRoute,
    departmentsRoute,
    paymentsRoute,
    auditRoute,
    settingsRoute,
    kitchenRoute,
    productionSheetRoute,
    notFoundRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: () => <PageSpinner />,
  defaultPendingMs: 150,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
