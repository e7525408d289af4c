import type { UserDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Download, KeyRound, LockOpen, MoreHorizontal, Pencil, Plus, UserRound, UserX, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../components/dropdown-menu';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { USER_COLUMNS } from '../../components/user-columns';
import { useSession } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { usePagedList } from '../../lib/use-list';
import { usePrivacyExport } from '../../lib/use-privacy-export';
import { EraseDialog } from './erase-dialog';
import { ResetLinkDialog } from './reset-link-dialog';
import { type UserFilters, UserFilterBar } from './user-filter-bar';
import { UserFormDialog } from './user-form-dialog';

const PAGE_SIZE = 20;
const NO_FILTERS: UserFilters = { search: '', role: 'all', departmentId: 'all', status: 'all', includeErased: false };

export const UsersPage = () => {
  const { t } = useTranslation('users');
  const [filters, setFilters] = useState<UserFilters>(NO_FILTERS);
  const search = useDebouncedValue(filters.search.trim(), 300);
  const list = usePagedList((cursor) =>
    trpc.user.list.queryOptions({
      limit: PAGE_SIZE,
      cursor,
      ...(search ? { search } : {}),
      ...(filters.role === 'all' ? {} : { role: filters.role }),
      ...(filters.departmentId === 'all' ? {} : { departmentId: filters.departmentId }),
      ...(filters.status === 'all' ? {} : { isActive: filters.status === 'active' }),
      ...(filters.includeErased ? { includeErased: true } : {}),
    }),
  );
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<UserDto | null>(null);
  const [erasing, setErasing] = useState<UserDto | null>(null);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden />
            {t('newUser')}
          </Button>
        }
      />
      <Card>
        <UserFilterBar filters={filters} onChange={setFilters} />
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          empty={{ icon: Users, title: t('empty.title'), description: t('empty.description') }}
          isFiltered={JSON.stringify(filters) !== JSON.stringify(NO_FILTERS)}
          noMatch={{
            title: t('noMatch.title'),
            description: t('noMatch.description'),
            action: (
              <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                {t('clearFilters')}
              </Button>
            ),
          }}
        >
          {(users) => <UsersTable users={users} onEdit={setEditing} onResetLink={setResetFor} onErase={setErasing} />}
        </ListView>
      </Card>
      <UserFormDialog
        key={`form-${editing === 'new' ? 'new' : (editing?.id ?? 'closed')}`}
        user={editing === 'new' ? null : editing}
        isOpen={editing !== null}
        onOpenChange={(isOpen) => !isOpen && setEditing(null)}
      />
      <ResetLinkDialog key={`reset-${resetFor?.id ?? 'closed'}`} user={resetFor} onClose={() => setResetFor(null)} />
      <EraseDialog key={`erase-${erasing?.id ?? 'closed'}`} user={erasing} onClose={() => setErasing(null)} />
    </>
  );
};

type UsersTableProps = {
  users: UserDto[];
  onEdit: (user: UserDto) => void;
  onResetLink: (user: UserDto) => void;
  onErase: (user: UserDto) => void;
};

const UsersTable = ({ users, onEdit, onResetLink, onErase }: UsersTableProps) => {
  const { t } = useTranslation('users');
  const queryClient = useQueryClient();
  const session = useSession();
  const myId = session.status === 'signedIn' ? session.user.id : null;
  const exportData = usePrivacyExport();
  const onExport = (user: UserDto) => {
    const progress = toast.loading(t('table.preparing', { name: user.name }));
    exportData.mutate(
      { userId: user.id },
      {
        onSuccess: () => toast.success(t('table.downloaded', { name: user.name }), { id: progress }),
        onError: (error) => toast.error(errorMessage(error), { id: progress }),
      },
    );
  };
  const unlock = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async (user) => {
        toast.success(t('table.unlocked', { name: user.name }));
        await queryClient.invalidateQueries(trpc.user.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const actions: Column<UserDto> = {
    header: t('table.actions'),
    isHeaderHidden: true,
    className: 'text-right',
    cell: (user) => (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-8" aria-label={t('table.actionsFor', { name: user.name })}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {/* An erased person has no page and nothing left to edit: only what remains can be exported. */}
          {user.isErased ? null : (
            <>
              <DropdownMenuItem asChild>
                <Link to="/people/$userId" params={{ userId: user.id }}>
                  <UserRound aria-hidden />
                  {t('table.openPerson')}
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => onEdit(user)}>
                <Pencil aria-hidden />
                {t('table.edit')}
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => onResetLink(user)}>
                <KeyRound aria-hidden />
                {t('table.resetLink')}
              </DropdownMenuItem>
              {user.isLocked ? (
                <DropdownMenuItem onSelect={() => unlock.mutate({ id: user.id, unlock: true })}>
                  <LockOpen aria-hidden />
                  {t('table.unlock')}
                </DropdownMenuItem>
              ) : null}
              <DropdownMenuSeparator />
            </>
          )}
          <DropdownMenuItem disabled={exportData.isPending} onSelect={() => onExport(user)}>
            <Download aria-hidden />
            {t('table.exportData')}
          </DropdownMenuItem>
          {/* Nobody erases themself (another admin does it), and an erasure is done once. */}
          {user.id === myId || user.isErased ? null : (
            <DropdownMenuItem
              className="text-red-700 data-[highlighted]:bg-red-50 data-[highlighted]:text-red-800 [&_svg]:text-red-600"
              onSelect={() => onErase(user)}
            >
              <UserX aria-hidden />
              {t('table.erase')}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    ),
  };
  const { name, employeeNumber, role, department, status, lastLogin } = USER_COLUMNS;
  return (
    <DataTable
      caption={t('table.caption')}
      rows={users}
      rowClassName={(user) => user.isErased && 'bg-zinc-50'}
      columns={[name, employeeNumber, role, department, status, lastLogin, actions]}
    />
  );
};
