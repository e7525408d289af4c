import { MAX_PAGE_SIZE } from '@canteen/shared/constants';
import { useQuery } from '@tanstack/react-query';
import type { SelectOption } from '../components/select';
import { trpc } from './trpc';

/** Departments for a picker: the first page of the API's largest size, by name. */
export const useDepartmentOptions = (isEnabled = true): { options: SelectOption[]; isLoading: boolean } => {
  const query = useQuery({ ...trpc.department.list.queryOptions({ limit: MAX_PAGE_SIZE }), enabled: isEnabled });
  return {
    options: (query.data?.items ?? []).map((department) => ({ value: department.id, label: department.name })),
    isLoading: query.isLoading,
  };
};
