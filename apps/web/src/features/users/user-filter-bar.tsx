import { ROLES, type Role } from '@canteen/shared/constants';
import { SearchInput } from '../../components/search-input';
import { Select } from '../../components/select';
import { roleLabel } from '../../lib/format';
import { useDepartmentOptions } from '../../lib/use-department-options';

export type UserFilters = {
  search: string;
  role: Role | 'all';
  departmentId: string;
  status: 'all' | 'active' | 'inactive';
};

const ROLE_OPTIONS = [{ value: 'all', label: 'All roles' }, ...ROLES.map((role) => ({ value: role, label: roleLabel(role) }))];
const STATUS_OPTIONS = [
  { value: 'all', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
];

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
const isStatus = (value: string): value is UserFilters['status'] => ['all', 'active', 'inactive'].includes(value);

type UserFilterBarProps = { filters: UserFilters; onChange: (filters: UserFilters) => void };

export const UserFilterBar = ({ filters, onChange }: UserFilterBarProps) => {
  const departments = useDepartmentOptions();
  return (
    <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
      <SearchInput
        wrapperClassName="sm:col-span-2 lg:col-span-1"
        aria-label="Search users"
        placeholder="Name, email or employee number"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
      />
      <Select
        aria-label="Filter by role"
        value={filters.role}
        onValueChange={(role) => onChange({ ...filters, role: isRole(role) ? role : 'all' })}
        options={ROLE_OPTIONS}
      />
      <Select
        aria-label="Filter by department"
        value={filters.departmentId}
        onValueChange={(departmentId) => onChange({ ...filters, departmentId })}
        options={[{ value: 'all', label: 'All departments' }, ...departments.options]}
      />
      <Select
        aria-label="Filter by status"
        value={filters.status}
        onValueChange={(status) => onChange({ ...filters, status: isStatus(status) ? status : 'all' })}
        options={STATUS_OPTIONS}
      />
    </div>
  );
};
