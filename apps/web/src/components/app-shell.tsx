import type { Role } from '@canteen/shared/constants';
import { type AccessRule, canAccess } from '@canteen/shared/rules';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import {
  Building2,
  CalendarDays,
  ChartNoAxesCombined,
  ChefHat,
  ClipboardList,
  CreditCard,
  HandCoins,
  LogOut,
  Menu as MenuIcon,
  MessageSquareText,
  Newspaper,
  Package,
  ReceiptText,
  ScrollText,
  Settings,
  ShieldCheck,
  Store,
  UserRound,
  Users,
  UsersRound,
  UtensilsCrossed,
  Wallet,
  X,
  type LucideIcon,
} from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { common } from '../locales/en/common';
import { CartButton } from './cart-button';
import { NotificationBell } from './notification-bell';
import { AccountLanguage } from '../lib/account-language';
import { signOut, useSession } from '../lib/auth';
import { LiveEvents } from '../lib/live-events';
import { formatMoney } from '../lib/money';
import { trpc } from '../lib/trpc';
import { useOnline } from '../lib/use-online';
import { cn } from '../lib/utils';
import { Alert } from './alert';
import { Button } from './button';
import { Logo } from './logo';
import { RoleBadge } from './role-badge';

type NavItem = {
  to:
    | '/menu'
    | '/kitchen'
    | '/kitchen/sheet'
    | '/orders'
    | '/wallet'
    | '/news'
    | '/reviews'
    | '/products'
    | '/plan'
    | '/credits'
    | '/reports'
    | '/till'
    | '/people'
    | '/admin/users'
    | '/admin/departments'
    | '/admin/payments'
    | '/admin/audit'
    | '/admin/settings'
    | '/profile';
  /** Its words: `common:shell.nav.<label>`. */
  label: NavLabel;
  icon: LucideIcon;
  section: 'Canteen' | 'Manage' | 'Admin' | 'Account';
  /** Who sees it, as the route's guard asks (people with a wallet when left out). */
  access?: AccessRule;
  /** Admins manage everyone from Users, so the department-scoped People page is for managers. */
  isHiddenFromAdmins?: boolean;
};
type NavLabel = keyof (typeof common)['shell']['nav'];
type NavSection = { title: NavItem['section']; items: NavItem[] };

/** A section's words (`common:shell.sections.<key>`); its English title stays in the element ids. */
const SECTION_KEYS = { Canteen: 'canteen', Manage: 'manage', Admin: 'admin', Account: 'account' } as const;

const NAV: NavItem[] = [
  { to: '/menu', label: 'menu', icon: UtensilsCrossed, section: 'Canteen' },
  { to: '/orders', label: 'orders', icon: ReceiptText, section: 'Canteen' },
  { to: '/wallet', label: 'wallet', icon: Wallet, section: 'Canteen' },
  { to: '/news', label: 'news', icon: Newspaper, section: 'Canteen' },
  { to: '/kitchen', label: 'kitchen', icon: ChefHat, section: 'Canteen', access: 'kitchen' },
  { to: '/kitchen/sheet', label: 'productionSheet', icon: ClipboardList, section: 'Canteen', access: 'kitchen' },
  { to: '/products', label: 'products', icon: Package, section: 'Manage', access: 'manager' },
  { to: '/plan', label: 'plan', icon: CalendarDays, section: 'Manage', access: 'manager' },
  { to: '/credits', label: 'credits', icon: HandCoins, section: 'Manage', access: 'manager' },
  { to: '/reports', label: 'reports', icon: ChartNoAxesCombined, section: 'Manage', access: 'manager' },
  { to: '/till', label: 'till', icon: Store, section: 'Manage', access: 'manager' },
  { to: '/reviews', label: 'reviews', icon: MessageSquareText, section: 'Manage', access: 'manager' },
  { to: '/people', label: 'people', icon: UsersRound, section: 'Manage', access: 'manager', isHiddenFromAdmins: true },
  { to: '/admin/users', label: 'users', icon: Users, section: 'Admin', access: 'admin' },
  { to: '/admin/departments', label: 'departments', icon: Building2, section: 'Admin', access: 'admin' },
  { to: '/admin/payments', label: 'payments', icon: CreditCard, section: 'Admin', access: 'admin' },
  { to: '/admin/audit', label: 'audit', icon: ScrollText, section: 'Admin', access: 'admin' },
  { to: '/admin/settings', label: 'settings', icon: Settings, section: 'Admin', access: 'admin' },
  { to: '/profile', label: 'profile', icon: UserRound, section: 'Account', access: 'signedIn' },
];

/** What a role sees, by section, in the table's order; the shared role ranking decides, as in the route guards. */
const navFor = (role: Role): NavSection[] => {
  const sections = new Map<NavItem['section'], NavItem[]>();
  for (const item of NAV) {
    if (!canAccess(role, item.access ?? 'user') || (item.isHiddenFromAdmins && role === 'admin')) continue;
    sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  }
  return [...sections].map(([title, items]) => ({ title, items }));
};

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

export const AppShell = () => {
  const { t } = useTranslation('common');
  const { t: app } = useTranslation('app');
  const isOnline = useOnline();
  const session = useSession();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [isSigningOut, setIsSigningOut] = useState(false);

  useEffect(() => setIsMenuOpen(false), [pathname]);

  if (session.status !== 'signedIn') return null;
  const { user } = session;
  // The kitchen display takes the whole width of a wall screen: its navigation folds behind the menu button.
  const isWide = pathname === '/kitchen';

  const onSignOut = async () => {
    setIsSigningOut(true);
    await signOut();
    await navigate({ to: '/login' });
  };

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg border border-emerald-700 bg-white px-4 py-2.5 text-sm font-semibold text-emerald-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t('shell.skipToContent')}
      </a>
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75 print:hidden">
        <div className={cn('mx-auto flex h-16 items-center gap-3 px-4 sm:px-6 lg:px-8', !isWide && 'max-w-7xl')}>
          <Button
            variant="ghost"
            size="icon"
            className={cn('-ml-2', !isWide && 'lg:hidden')}
            aria-label={isMenuOpen ? t('shell.closeMenu') : t('shell.openMenu')}
            aria-expanded={isMenuOpen}
            aria-controls="main-nav"
            onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
          >
            {isMenuOpen ? <X aria-hidden /> : <MenuIcon aria-hidden />}
          </Button>
          <Link
            to="/"
            className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
          >
            <Logo compact />
          </Link>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            {user.role === 'employee' ? <HeaderBalance /> : null}
            {canAccess(user.role, 'user') ? <NotificationBell /> : null}
            {canAccess(user.role, 'user') ? <CartButton /> : null}
            <div className="hidden items-center gap-2.5 border-l border-zinc-200 pl-3 md:flex">
              <span
                aria-hidden
                className="flex size-8 items-center justify-center rounded-full bg-emerald-100 text-xs font-semibold text-emerald-800"
              >
                {initials(user.name)}
              </span>
              <div className="grid leading-tight">
                <span className="text-sm font-medium text-zinc-900">{user.name}</span>
                <span className="text-xs text-zinc-600">{user.departmentName ?? t('shell.noDepartment')}</span>
              </div>
              <RoleBadge role={user.role} />
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void onSignOut()}
              isLoading={isSigningOut}
              aria-label={t('shell.signOut')}
              className="text-zinc-700"
            >
              {isSigningOut ? null : <LogOut aria-hidden />}
              <span className="hidden sm:inline">{t('shell.signOut')}</span>
            </Button>
          </div>
        </div>
      </header>
      <div
        className={cn(
          'mx-auto px-4 sm:px-6 lg:px-8 print:block print:max-w-none print:px-0',
          !isWide && 'max-w-7xl lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10',
        )}
      >
        <nav
          id="main-nav"
          aria-label={t('shell.mainNav')}
          className={cn(
            'border-b border-zinc-200 py-3 print:hidden',
            !isWide &&
              'lg:sticky lg:top-16 lg:block lg:max-h-[calc(100dvh-4rem)] lg:self-start lg:overflow-y-auto lg:border-0 lg:py-8',
            isMenuOpen ? 'block' : 'hidden',
          )}
        >
          <div className="flex items-center gap-2 px-3 pt-1 pb-3 md:hidden">
            <span className="text-sm font-medium text-zinc-900">{user.name}</span>
            <RoleBadge role={user.role} />
          </div>
          <div className="grid gap-5">
            {navFor(user.role).map((section) => (
              <div key={section.title} className="grid gap-1">
                <p id={`nav-${section.title}`} className="px-3 text-xs font-medium tracking-wide text-zinc-500 uppercase">
                  {t(`shell.sections.${SECTION_KEYS[section.title]}`)}
                </p>
                <ul aria-labelledby={`nav-${section.title}`} className="grid gap-0.5">
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <Link
                        to={item.to}
                        // The production sheet (/kitchen/sheet) has its own entry: the display's is not lit there too.
                        activeOptions={{ exact: item.to === '/kitchen' }}
                        className="flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600"
                        activeProps={{ className: 'bg-emerald-50 text-emerald-900 hover:bg-emerald-50 hover:text-emerald-900' }}
                      >
                        <item.icon aria-hidden className="size-4" />
                        {t(`shell.nav.${item.label}`)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 py-6 focus:outline-none sm:py-8 print:py-0">
          {isOnline ? null : (
            <Alert tone="warning" className="mb-6 print:hidden">
              {app('offline.banner')}
            </Alert>
          )}
          {user.mustEnrolTotp ? (
            <Alert tone="warning" title={t('shell.totpRequired.title')} className="mb-6 print:hidden">
              {t('shell.totpRequired.description')}
            </Alert>
          ) : null}
          <Outlet />
        </main>
        <LiveEvents user={user} />
        <AccountLanguage user={user} />
      </div>
      <footer
        className={cn(
          'mx-auto flex items-center gap-2 px-4 pb-8 text-xs text-zinc-600 sm:px-6 lg:px-8 print:hidden',
          !isWide && 'max-w-7xl',
        )}
      >
        <ShieldCheck aria-hidden className="size-3.5" />
        {t('shell.signedInAs', { email: user.email })}
      </footer>
    </div>
  );
};

/** An employee's wallet balance in the header, linking to the wallet: what lunch they can still buy. */
const HeaderBalance = () => {
  const { t } = useTranslation('app');
  const balance = useQuery(trpc.wallet.balance.queryOptions({}));
  if (!balance.data) return null;
  const amount = formatMoney(balance.data.totalCents);
  return (
    <Link
      to="/wallet"
      aria-label={t('header.balance', { amount })}
      data-testid="header-balance"
      className="inline-flex h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-semibold text-zinc-900 tabular-nums hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
    >
      <Wallet aria-hidden className="size-4 text-emerald-700" />
      {amount}
    </Link>
  );
};
