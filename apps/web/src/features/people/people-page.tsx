import { UsersRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('people');
  const session = useSession();
  const departmentName = session.status === 'signedIn' ? session.user.departmentName : null;
  const search = useSearchBox();
  const list = usePagedList((cursor) =>
    trpc.user.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(search.term ? { search: search.term } : {}) }),
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={departmentName ? t('description', { department: departmentName }) : t('descriptionFallback')}
      />
      <Card>
        <ListSearchBar search={search} label={t('search.label')} placeholder={t('search.placeholder')} />
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          empty={{ icon: UsersRound, title: t('empty.title'), description: t('empty.description') }}
          isFiltered={Boolean(search.term)}
          noMatch={{ title: t('noMatch.title'), description: t('noMatch.description') }}
        >
          {(people) => <DataTable caption={t('caption')} rows={people} columns={COLUMNS} />}
        </ListView>
      </Card>
    </>
  );
};
