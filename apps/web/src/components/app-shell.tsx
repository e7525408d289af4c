import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import {
  Building2,
  LogOut,
  type LucideIcon,
  Menu as MenuIcon,
  ScrollText,
  Settings,
  ShieldCheck,
  UserRound,
  Users,
  UsersRound,
  UtensilsCrossed,
  X,
} from 'lucide-react';
import { useEffect, useState } from 'react';
import { type SessionUser, signOut, useSession } from '../lib/auth';
import { cn } from '../lib/utils';
import { Alert } from './alert';
import { Button } from './button';
import { Logo } from './logo';
import { RoleBadge } from './role-badge';

type NavItem = {
  to: '/menu' | '/people' | '/admin/users' | '/admin/departments' | '/admin/audit' | '/admin/settings' | '/profile';
  label: string;
  icon: LucideIcon;
};

const NAV_BY_ROLE: Record<SessionUser['role'], NavItem[]> = {
  employee: [
    { to: '/menu', label: 'Menu', icon: UtensilsCrossed },
    { to: '/profile', label: 'Profile', icon: UserRound },
  ],
  manager: [
    { to: '/menu', label: 'Menu', icon: UtensilsCrossed },
    { to: '/people', label: 'People', icon: UsersRound },
    { to: '/profile', label: 'Profile', icon: UserRound },
  ],
  admin: [
    { to: '/menu', label: 'Menu', icon: UtensilsCrossed },
    { to: '/admin/users', label: 'Users', icon: Users },
    { to: '/admin/departments', label: 'Departments', icon: Building2 },
    { to: '/admin/audit', label: 'Audit log', icon: ScrollText },
    { to: '/admin/settings', label: 'Settings', icon: Settings },
    { to: '/profile', label: 'Profile', icon: UserRound },
  ],
};

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

export const AppShell = () => {
  const session = useSession();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [isSigningOut, setIsSigningOut] = useState(false);

  useEffect(() => setIsMenuOpen(false), [pathname]);

  if (session.status !== 'signedIn') return null;
  const { user } = session;

  const onSignOut = async () => {
    setIsSigningOut(true);
    await signOut();
    await navigate({ to: '/login' });
  };

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
          <Link
            to="/"
            className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
          >
            <Logo />
          </Link>
          <nav
            id="main-nav"
            aria-label="Main"
            className={cn(
              'order-last w-full flex-col gap-1 border-t border-zinc-100 pt-2 pb-1 md:order-none md:flex md:w-auto md:flex-row md:border-0 md:p-0',
              isMenuOpen ? 'flex' : 'hidden',
            )}
          >
            <div className="flex items-center gap-2 px-3 pt-1 pb-2 md:hidden">
              <span className="text-sm font-medium text-zinc-900">{user.name}</span>
              <RoleBadge role={user.role} />
            </div>
            {NAV_BY_ROLE[user.role].map((item) => (
              <Link
                key={item.to}
                to={item.to}
                className="flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 md:py-1.5"
                activeProps={{ className: 'bg-zinc-100 text-zinc-900' }}
              >
                <item.icon aria-hidden className="size-4 md:hidden lg:inline" />
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <div className="hidden items-center gap-2.5 sm:flex">
              <span
                aria-hidden
                className="flex size-8 items-center justify-center rounded-full bg-emerald-100 text-xs font-semibold text-emerald-800"
              >
                {initials(user.name)}
              </span>
              <div className="grid leading-tight">
                <span className="text-sm font-medium text-zinc-900">{user.name}</span>
                <span className="text-xs text-zinc-600">{user.departmentName ?? 'No department'}</span>
              </div>
              <RoleBadge role={user.role} />
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void onSignOut()}
              isLoading={isSigningOut}
              aria-label="Sign out"
              className="text-zinc-700"
            >
              {isSigningOut ? null : <LogOut aria-hidden />}
              <span className="hidden sm:inline">Sign out</span>
            </Button>
            <Button
              variant="ghost"
              size="icon"
              className="md:hidden"
              aria-label={isMenuOpen ? 'Close menu' : 'Open menu'}
              aria-expanded={isMenuOpen}
              aria-controls="main-nav"
              onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
            >
              {isMenuOpen ? <X aria-hidden /> : <MenuIcon aria-hidden />}
            </Button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8 lg:px-8">
        {user.mustEnrolTotp ? (
          <Alert tone="warning" title="Two-factor authentication is required" className="mb-6">
            Your organisation asks managers and admins to protect their account with an authenticator app. Set it up below to
            continue using Canteen.
          </Alert>
        ) : null}
        <Outlet />
      </main>
      <footer className="mx-auto flex max-w-6xl items-center gap-2 px-4 pb-8 text-xs text-zinc-600 sm:px-6 lg:px-8">
        <ShieldCheck aria-hidden className="size-3.5" />
        Signed in as {user.email}
      </footer>
    </div>
  );
};
