import { useQuery } from '@tanstack/react-query';
import type { SelectOption } from '../../components/select';
import { trpc } from '../../lib/trpc';

/** The API's largest page; pickers offer the first hundred departments by name. */
const PICKER_LIMIT = 100;

export const useDepartmentOptions = (isEnabled = true): { options: SelectOption[]; isLoading: boolean } => {
  const query = useQuery({ ...trpc.department.list.queryOptions({ limit: PICKER_LIMIT }), enabled: isEnabled });
  return {
    options: (query.data?.items ?? []).map((department) => ({ value: department.id, label: department.name })),
    isLoading: query.isLoading,
  };
};
