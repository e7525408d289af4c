import type { RouterOutputs } from '@canteen/api/trpc';
import { QueryView } from '../../components/query-view';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Building2, Pencil, Plus, SearchX, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { SearchInput } from '../../components/search-input';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { DepartmentFormDialog } from './department-form-dialog';

export type DepartmentRow = RouterOutputs['department']['list']['items'][number];

const PAGE_SIZE = 20;

export const DepartmentsPage = () => {
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const input = { limit: PAGE_SIZE, ...(search ? { search } : {}) };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.department.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<DepartmentRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DepartmentRow | null>(null);

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
        <div className="border-b border-zinc-100 p-4 sm:px-6">
          <SearchInput
            wrapperClassName="max-w-sm"
            aria-label="Search departments"
            placeholder="Search by name or code"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <QueryView
          query={query}
          loadingLabel="Loading departments"
          empty={
            <EmptyState
              icon={search ? SearchX : Building2}
              title={search ? 'No departments match' : 'No departments yet'}
              description={search ? 'Try another name or code.' : 'Create a department so you can assign people to it.'}
            />
          }
        >
          {(data) => (
            <>
              <Table>
                <caption className="sr-only">Departments</caption>
                <THead>
                  <tr>
                    <TH>Name</TH>
                    <TH>Code</TH>
                    <TH className="text-right">People</TH>
                    <TH className="hidden sm:table-cell">Created</TH>
                    <TH className="text-right">
                      <span className="sr-only">Actions</span>
                    </TH>
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((department) => (
                    <TR key={department.id}>
                      <TD className="font-medium text-zinc-900">{department.name}</TD>
                      <TD>
                        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">
                          {department.code}
                        </code>
                      </TD>
                      <TD className="text-right tabular-nums">{department.userCount}</TD>
                      <TD className="hidden whitespace-nowrap sm:table-cell">{formatDate(department.createdAt)}</TD>
                      <TD className="text-right whitespace-nowrap">
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-8"
                          aria-label={`Edit ${department.name}`}
                          onClick={() => setEditing(department)}
                        >
                          <Pencil aria-hidden />
                        </Button>
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-8 text-red-700 hover:bg-red-50 hover:text-red-800"
                          aria-label={`Delete ${department.name}`}
                          onClick={() => setDeleting(department)}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <Pagination
                label="Departments pages"
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

type DeleteDepartmentDialogProps = { department: DepartmentRow | null; onClose: () => void };

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
