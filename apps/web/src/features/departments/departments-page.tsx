import type { DepartmentDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Building2, Pencil, Plus, Trash2 } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button, IconButton } from '../../components/button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { ConfirmDialog } from '../../components/dialog';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { ListSearchBar } from '../../components/search-input';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { usePagedList, useSearchBox } from '../../lib/use-list';
import { DepartmentFormDialog } from './department-form-dialog';

const PAGE_SIZE = 20;

/** Why a department cannot be deleted yet: "Move its 3 people first". */
const deleteBlocked = (t: TFunction<'departments'>, department: DepartmentDto): string =>
  t('table.deleteBlocked', { count: department.userCount, number: formatNumber(department.userCount) });

const columns = (
  t: TFunction<'departments'>,
  actions: { onEdit: (row: DepartmentDto) => void; onDelete: (row: DepartmentDto) => void },
) =>
  [
    {
      header: t('table.name'),
      cell: (department) => (
        <>
          {department.name}
          {/* On a phone the code moves under the name, so Edit and Delete stay on screen. */}
          <code className="mt-1 block w-fit rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs font-normal text-zinc-800 sm:hidden">
            {department.code}
          </code>
        </>
      ),
      cellClassName: 'font-medium text-zinc-900',
    },
    {
      header: t('table.code'),
      className: 'hidden sm:table-cell',
      cell: (department) => (
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{department.code}</code>
      ),
    },
    {
      header: t('table.people'),
      cell: (department) => formatNumber(department.userCount),
      className: 'text-right',
      cellClassName: 'tabular-nums',
    },
    {
      header: t('table.created'),
      cell: (department) => formatDate(department.createdAt),
      className: 'hidden sm:table-cell',
      cellClassName: 'whitespace-nowrap',
    },
    {
      header: t('table.actions'),
      isHeaderHidden: true,
      className: 'text-right',
      cellClassName: 'whitespace-nowrap',
      cell: (department) => (
        <>
          <IconButton
            icon={Pencil}
            label={t('table.edit', { department: department.name })}
            onClick={() => actions.onEdit(department)}
          />
          {department.userCount > 0 ? (
            // The API refuses to delete a department people still belong to: no red button, and the reason instead
            // (as a tooltip, and read out with the button).
            <span title={deleteBlocked(t, department)} className="inline-flex">
              <IconButton
                icon={Trash2}
                label={t('table.delete', { department: department.name })}
                aria-describedby={`delete-blocked-${department.id}`}
                disabled
              />
              <span id={`delete-blocked-${department.id}`} className="sr-only">
                {deleteBlocked(t, department)}
              </span>
            </span>
          ) : (
            <IconButton
              icon={Trash2}
              label={t('table.delete', { department: department.name })}
              className="text-red-700 hover:bg-red-50 hover:text-red-800"
              onClick={() => actions.onDelete(department)}
            />
          )}
        </>
      ),
    },
  ] satisfies Column<DepartmentDto>[];

export const DepartmentsPage = () => {
  const { t } = useTranslation('departments');
  const search = useSearchBox();
  const list = usePagedList((cursor) =>
    trpc.department.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(search.term ? { search: search.term } : {}) }),
  );
  const [editing, setEditing] = useState<DepartmentDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DepartmentDto | null>(null);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden />
            {t('newDepartment')}
          </Button>
        }
      />
      <Card>
        <ListSearchBar search={search} label={t('search.label')} placeholder={t('search.placeholder')} />
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          empty={{ icon: Building2, title: t('empty.title'), description: t('empty.description') }}
          isFiltered={Boolean(search.term)}
          noMatch={{ title: t('noMatch.title'), description: t('noMatch.description') }}
        >
          {(departments) => (
            <DataTable
              caption={t('table.caption')}
              rows={departments}
              columns={columns(t, { onEdit: setEditing, onDelete: setDeleting })}
            />
          )}
        </ListView>
      </Card>
      <DepartmentFormDialog
        key={`form-${editing === 'new' ? 'new' : (editing?.id ?? 'closed')}`}
        department={editing === 'new' ? null : editing}
        isOpen={editing !== null}
        onOpenChange={(isOpen) => !isOpen && setEditing(null)}
      />
      <DeleteDepartmentDialog
        key={`delete-${deleting?.id ?? 'closed'}`}
        department={deleting}
        onClose={() => setDeleting(null)}
      />
    </>
  );
};

type DeleteDepartmentDialogProps = { department: DepartmentDto | null; onClose: () => void };

const DeleteDepartmentDialog = ({ department, onClose }: DeleteDepartmentDialogProps) => {
  const { t } = useTranslation('departments');
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.department.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(department ? t('delete.deleted', { department: department.name }) : t('delete.deletedFallback'));
        onClose();
        await queryClient.invalidateQueries(trpc.department.pathFilter());
      },
      // Refused because people joined since the list was read: the list catches up, and offers no Delete then.
      onError: () => queryClient.invalidateQueries(trpc.department.pathFilter()),
    }),
  );
  return (
    <ConfirmDialog
      isOpen={department !== null}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={department ? t('delete.title', { department: department.name }) : t('delete.titleFallback')}
      description={t('delete.cannotUndo')}
      confirmLabel={t('delete.button')}
      onConfirm={() => department && remove.mutate({ id: department.id })}
      isPending={remove.isPending}
      error={remove.error ? errorMessage(remove.error) : null}
    />
  );
};
