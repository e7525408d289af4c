import { UsersRound } from 'lucide-react';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { ListSearchBar } from '../../components/search-input';
import { USER_COLUMNS } from '../../components/user-columns';
import { useSession } from '../../lib/auth';
import { trpc } from '../../lib/trpc';
import { usePagedList, useSearchBox } from '../../lib/use-list';

const PAGE_SIZE = 20;
const COLUMNS = [USER_COLUMNS.name, USER_COLUMNS.employeeNumber, USER_COLUMNS.role, USER_COLUMNS.status, USER_COLUMNS.lastLogin];

/** A manager's read-only view of their own department (the API scopes the list). */
export const PeoplePage = () => {
  const session = useSession();
  const departmentName = session.status === 'signedIn' ? session.user.departmentName : null;
  const search = useSearchBox();
  const list = usePagedList((cursor) =>
    trpc.user.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(search.term ? { search: search.term } : {}) }),
  );

  return (
    <>
      <PageHeader
        title="People"
        description={departmentName ? `Everyone in ${departmentName}.` : 'Everyone in your department.'}
      />
      <Card>
        <ListSearchBar search={search} label="Search people" placeholder="Name, email or employee number" />
        <ListView
          list={list}
          loadingLabel="Loading people"
          pagesLabel="People pages"
          empty={{ icon: UsersRound, title: 'Nobody here yet', description: 'An admin assigns people to departments.' }}
          isFiltered={Boolean(search.term)}
          noMatch={{ title: 'Nobody matches', description: 'Try another name, email or number.' }}
        >
          {(people) => <DataTable caption="People in your department" rows={people} columns={COLUMNS} />}
        </ListView>
      </Card>
    </>
  );
};
