import { ROLES, type Role } from '@canteen/shared/constants';
import { useId } from 'react';
import { Label } from '../../components/field';
import { SearchInput } from '../../components/search-input';
import { Select, type SelectOption } from '../../components/select';
import { Switch } from '../../components/switch';
import { bindFilters } from '../../lib/filters';
import { roleLabel } from '../../lib/format';
import { useDepartmentOptions } from '../../lib/use-department-options';

export type UserFilters = {
  search: string;
  role: Role | 'all';
  departmentId: string;
  status: 'all' | 'active' | 'inactive';
  /** Also list people erased on their request (admins; `user.list`'s includeErased). */
  includeErased: boolean;
};

const ROLE_OPTIONS: SelectOption<UserFilters['role']>[] = [
  { value: 'all', label: 'All roles' },
  ...ROLES.map((role) => ({ value: role, label: roleLabel(role) })),
];
const STATUS_OPTIONS: SelectOption<UserFilters['status']>[] = [
  { value: 'all', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
];

type UserFilterBarProps = { filters: UserFilters; onChange: (filters: UserFilters) => void };

export const UserFilterBar = ({ filters, onChange }: UserFilterBarProps) => {
  const id = useId();
  const departments = useDepartmentOptions();
  const set = bindFilters(filters, onChange);
  return (
    <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
      <SearchInput
        wrapperClassName="sm:col-span-2 lg:col-span-1"
        aria-label="Search users"
        placeholder="Name, email or employee number"
        value={filters.search}
        onChange={(event) => set('search')(event.target.value)}
      />
      <Select aria-label="Filter by role" value={filters.role} onValueChange={set('role')} options={ROLE_OPTIONS} />
      <Select
        aria-label="Filter by department"
        value={filters.departmentId}
        onValueChange={set('departmentId')}
        options={[{ value: 'all', label: 'All departments' }, ...departments.options]}
      />
      <Select aria-label="Filter by status" value={filters.status} onValueChange={set('status')} options={STATUS_OPTIONS} />
      <div className="flex items-center gap-2.5 sm:col-span-2 lg:col-span-4">
        <Switch id={`${id}-erased`} checked={filters.includeErased} onCheckedChange={set('includeErased')} />
        <Label htmlFor={`${id}-erased`} className="font-normal text-zinc-700">
          Show erased people
        </Label>
      </div>
    </div>
  );
};
