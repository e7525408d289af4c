import type { RouterOutputs } from '@canteen/api/trpc';
import { QueryView } from '../../components/query-view';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound, LockOpen, MoreHorizontal, Pencil, Plus, SearchX, Users } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '../../components/dropdown-menu';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { type UserFilters, UserFilterBar } from './user-filter-bar';
import { UserFormDialog } from './user-form-dialog';
import { RoleBadge } from '../../components/role-badge';
import { UserStatusBadges } from './user-badges';
import { ResetLinkDialog } from './reset-link-dialog';

export type UserRow = RouterOutputs['user']['list']['items'][number];

const PAGE_SIZE = 20;
const NO_FILTERS: UserFilters = { search: '', role: 'all', departmentId: 'all', status: 'all' };

export const UsersPage = () => {
  const [filters, setFilters] = useState<UserFilters>(NO_FILTERS);
  const search = useDebouncedValue(filters.search.trim(), 300);
  const input = {
    limit: PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(filters.role === 'all' ? {} : { role: filters.role }),
    ...(filters.departmentId === 'all' ? {} : { departmentId: filters.departmentId }),
    ...(filters.status === 'all' ? {} : { isActive: filters.status === 'active' }),
  };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.user.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<UserRow | null>(null);
  const hasFilters = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to Canteen: their role, department and access."
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden />
            New user
          </Button>
        }
      />
      <Card>
        <UserFilterBar filters={filters} onChange={setFilters} />
        <QueryView
          query={query}
          loadingLabel="Loading users"
          empty={
            <EmptyState
              icon={hasFilters ? SearchX : Users}
              title={hasFilters ? 'No users match' : 'No users yet'}
              description={hasFilters ? 'Try a different search or clear the filters.' : 'Create the first user to get started.'}
              action={
                hasFilters ? (
                  <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                    Clear filters
                  </Button>
                ) : null
              }
            />
          }
        >
          {(data) => (
            <>
              <UsersTable users={data.items} onEdit={setEditing} onResetLink={setResetFor} />
              <Pagination
                label="Users pages"
                page={pages.page}
                hasPrevious={pages.hasPrevious}
                hasNext={Boolean(data.nextCursor)}
                onPrevious={pages.goPrevious}
                onNext={() => data.nextCursor && pages.goNext(data.nextCursor)}
                isFetching={query.isFetching}
              />
            </>
          )}
        </QueryView>
      </Card>
      <UserFormDialog
        key={`form-${editing === 'new' ? 'new' : (editing?.id ?? 'closed')}`}
        user={editing === 'new' ? null : editing}
        isOpen={editing !== null}
        onOpenChange={(isOpen) => !isOpen && setEditing(null)}
      />
      <ResetLinkDialog key={`reset-${resetFor?.id ?? 'closed'}`} user={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
};

type UsersTableProps = { users: UserRow[]; onEdit: (user: UserRow) => void; onResetLink: (user: UserRow) => void };

const UsersTable = ({ users, onEdit, onResetLink }: UsersTableProps) => {
  const queryClient = useQueryClient();
  const unlock = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`${user.name} can sign in again.`);
        await queryClient.invalidateQueries(trpc.user.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Table>
      <caption className="sr-only">Users</caption>
      <THead>
        <tr>
          <TH>Name</TH>
          <TH className="hidden md:table-cell">Employee no.</TH>
          <TH className="hidden sm:table-cell">Role</TH>
          <TH className="hidden sm:table-cell">Department</TH>
          <TH className="hidden sm:table-cell">Status</TH>
          <TH className="hidden lg:table-cell">Last sign-in</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {users.map((user) => (
          <TR key={user.id}>
            <TD>
              <div className="grid min-w-40">
                <span className="font-medium text-zinc-900">{user.name}</span>
                <span className="text-xs text-zinc-600">{user.email}</span>
              </div>
              <div className="mt-1.5 flex flex-wrap gap-1 sm:hidden">
                <RoleBadge role={user.role} />
                <UserStatusBadges user={user} />
              </div>
            </TD>
            <TD className="hidden font-mono text-xs md:table-cell">{user.employeeNumber}</TD>
            <TD className="hidden sm:table-cell">
              <RoleBadge role={user.role} />
            </TD>
            <TD className="hidden sm:table-cell">{user.departmentName ?? <span className="text-zinc-600">—</span>}</TD>
            <TD className="hidden sm:table-cell">
              <UserStatusBadges user={user} />
            </TD>
            <TD className="hidden whitespace-nowrap lg:table-cell">{formatDateTime(user.lastLoginAt)}</TD>
            <TD className="text-right">
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${user.name}`}>
                    <MoreHorizontal aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => onEdit(user)}>
                    <Pencil aria-hidden />
                    Edit
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => onResetLink(user)}>
                    <KeyRound aria-hidden />
                    Reset link
                  </DropdownMenuItem>
                  {user.isLocked ? (
                    <DropdownMenuItem onSelect={() => unlock.mutate({ id: user.id, unlock: true })}>
                      <LockOpen aria-hidden />
                      Unlock
                    </DropdownMenuItem>
                  ) : null}
                </DropdownMenuContent>
              </DropdownMenu>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
};
