import type { UserDto } from '@canteen/shared';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../lib/format';
import { i18next } from '../lib/i18n';
import type { Column } from './data-table';
import { RoleBadge } from './role-badge';
import { UserStatusBadges } from './user-status-badges';

/**
 * A person's name, linking to their page (a real link: keyboard, middle-click, copy address). Erased people have no
 * page (only what they left behind remains), so their name is plain text.
 */
const PersonName = ({ user }: { user: UserDto }) =>
  user.isErased ? (
    <span className="font-medium text-zinc-700 italic">{user.name}</span>
  ) : (
    <Link
      to="/people/$userId"
      params={{ userId: user.id }}
      className="font-medium text-zinc-900 underline decoration-zinc-300 underline-offset-4 hover:text-emerald-800 hover:decoration-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
    >
      {user.name}
    </Link>
  );

/**
 * The columns of a table of people (Users for admins, People for managers); on a phone, the badges move under the name.
 * Each header is read in the language shown.
 */
export const USER_COLUMNS = {
  name: {
    get header() {
      return i18next.t('common:columns.name');
    },
    cell: (user) => (
      <>
        <div className="grid min-w-40 justify-items-start">
          <PersonName user={user} />
          <span className="text-xs break-all text-zinc-600">{user.email}</span>
        </div>
        <div className="mt-1.5 flex flex-wrap gap-1 sm:hidden">
          <RoleBadge role={user.role} />
          <UserStatusBadges user={user} />
        </div>
      </>
    ),
  },
  employeeNumber: {
    get header() {
      return i18next.t('common:columns.employeeNumber');
    },
    cell: (user) => user.employeeNumber,
    className: 'hidden md:table-cell',
    cellClassName: 'font-mono text-xs',
  },
  role: {
    get header() {
      return i18next.t('common:columns.role');
    },
    cell: (user) => <RoleBadge role={user.role} />,
    className: 'hidden sm:table-cell',
  },
  department: {
    get header() {
      return i18next.t('common:columns.department');
    },
    cell: (user) => user.departmentName ?? <span className="text-zinc-600">—</span>,
    className: 'hidden sm:table-cell',
  },
  status: {
    get header() {
      return i18next.t('common:columns.status');
    },
    cell: (user) => <UserStatusBadges user={user} />,
    className: 'hidden sm:table-cell',
  },
  lastLogin: {
    get header() {
      return i18next.t('common:columns.lastSignIn');
    },
    cell: (user) => formatDateTime(user.lastLoginAt),
    className: 'hidden lg:table-cell',
    cellClassName: 'whitespace-nowrap',
  },
} satisfies Record<string, Column<UserDto>>;
