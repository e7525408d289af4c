import type { DepartmentDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Building2, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button, IconButton } from '../../components/button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { ConfirmDialog } from '../../components/dialog';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { ListSearchBar } from '../../components/search-input';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { usePagedList, useSearchBox } from '../../lib/use-list';
import { DepartmentFormDialog } from './department-form-dialog';

const PAGE_SIZE = 20;

const columns = (actions: { onEdit: (row: DepartmentDto) => void; onDelete: (row: DepartmentDto) => void }) =>
  [
    { header: 'Name', cell: (department) => department.name, cellClassName: 'font-medium text-zinc-900' },
    {
      header: 'Code',
      cell: (department) => (
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{department.code}</code>
      ),
    },
    { header: 'People', cell: (department) => department.userCount, className: 'text-right', cellClassName: 'tabular-nums' },
    {
      header: 'Created',
      cell: (department) => formatDate(department.createdAt),
      className: 'hidden sm:table-cell',
      cellClassName: 'whitespace-nowrap',
    },
    {
      header: 'Actions',
      isHeaderHidden: true,
      className: 'text-right',
      cellClassName: 'whitespace-nowrap',
      cell: (department) => (
        <>
          <IconButton icon={Pencil} label={`Edit ${department.name}`} onClick={() => actions.onEdit(department)} />
          <IconButton
            icon={Trash2}
            label={`Delete ${department.name}`}
            className="text-red-700 hover:bg-red-50 hover:text-red-800"
            onClick={() => actions.onDelete(department)}
          />
        </>
      ),
    },
  ] satisfies Column<DepartmentDto>[];

export const DepartmentsPage = () => {
  const search = useSearchBox();
  const list = usePagedList((cursor) =>
    trpc.department.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(search.term ? { search: search.term } : {}) }),
  );
  const [editing, setEditing] = useState<DepartmentDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DepartmentDto | null>(null);

  return (
    <>
      <PageHeader
        title="Departments"
        description="Teams people belong to. Managers see and serve the people of their own department."
        actions={
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden />
            New department
          </Button>
        }
      />
      <Card>
        <ListSearchBar search={search} label="Search departments" placeholder="Search by name or code" />
        <ListView
          list={list}
          loadingLabel="Loading departments"
          pagesLabel="Departments pages"
          empty={{
            icon: Building2,
            title: 'No departments yet',
            description: 'Create a department so you can assign people to it.',
          }}
          isFiltered={Boolean(search.term)}
          noMatch={{ title: 'No departments match', description: 'Try another name or code.' }}
        >
          {(departments) => (
            <DataTable
              caption="Departments"
              rows={departments}
              columns={columns({ onEdit: setEditing, onDelete: setDeleting })}
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
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.department.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Deleted ${department?.name ?? 'the department'}.`);
        onClose();
        await queryClient.invalidateQueries(trpc.department.pathFilter());
      },
    }),
  );
  return (
    <ConfirmDialog
      isOpen={department !== null}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={`Delete ${department?.name ?? 'department'}?`}
      description={
        department?.userCount
          ? `${department.userCount} ${department.userCount === 1 ? 'person belongs' : 'people belong'} to it. Move them first, or the deletion will be refused.`
          : 'This cannot be undone.'
      }
      confirmLabel="Delete department"
      onConfirm={() => department && remove.mutate({ id: department.id })}
      isPending={remove.isPending}
      error={remove.error ? errorMessage(remove.error) : null}
    />
  );
};
