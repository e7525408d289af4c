import { QueryView } from '../../components/query-view';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SearchX, UsersRound } from 'lucide-react';
import { useState } from 'react';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { SearchInput } from '../../components/search-input';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { useSession } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RoleBadge } from '../../components/role-badge';
import { UserStatusBadges } from '../users/user-badges';

const PAGE_SIZE = 20;

/** A manager's read-only view of their own department (the API scopes the list). */
export const PeoplePage = () => {
  const session = useSession();
  const departmentName = session.status === 'signedIn' ? session.user.departmentName : null;
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const input = { limit: PAGE_SIZE, ...(search ? { search } : {}) };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.user.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="People"
        description={departmentName ? `Everyone in ${departmentName}.` : 'Everyone in your department.'}
      />
      <Card>
        <div className="border-b border-zinc-100 p-4 sm:px-6">
          <SearchInput
            wrapperClassName="max-w-sm"
            aria-label="Search people"
            placeholder="Name, email or employee number"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <QueryView
          query={query}
          loadingLabel="Loading people"
          empty={
            <EmptyState
              icon={search ? SearchX : UsersRound}
              title={search ? 'Nobody matches' : 'Nobody here yet'}
              description={search ? 'Try another name, email or number.' : 'An admin assigns people to departments.'}
            />
          }
        >
          {(data) => (
            <>
              <Table>
                <caption className="sr-only">People in your department</caption>
                <THead>
                  <tr>
                    <TH>Name</TH>
                    <TH className="hidden md:table-cell">Employee no.</TH>
                    <TH className="hidden sm:table-cell">Role</TH>
                    <TH className="hidden sm:table-cell">Status</TH>
                    <TH className="hidden lg:table-cell">Last sign-in</TH>
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((user) => (
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
                      <TD className="hidden sm:table-cell">
                        <UserStatusBadges user={user} />
                      </TD>
                      <TD className="hidden whitespace-nowrap lg:table-cell">{formatDateTime(user.lastLoginAt)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <Pagination
                label="People pages"
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
    </>
  );
};
