import { ROLES, type Role } from '@canteen/shared/constants';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
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

const roleOptions = (t: TFunction<'users'>): SelectOption<UserFilters['role']>[] => [
  { value: 'all', label: t('filters.allRoles') },
  ...ROLES.map((role) => ({ value: role, label: roleLabel(role) })),
];
const statusOptions = (t: TFunction<'users'>): SelectOption<UserFilters['status']>[] => [
  { value: 'all', label: t('filters.anyStatus') },
  { value: 'active', label: t('filters.active') },
  { value: 'inactive', label: t('filters.inactive') },
];

type UserFilterBarProps = { filters: UserFilters; onChange: (filters: UserFilters) => void };

export const UserFilterBar = ({ filters, onChange }: UserFilterBarProps) => {
  const { t } = useTranslation('users');
  const id = useId();
  const departments = useDepartmentOptions();
  const set = bindFilters(filters, onChange);
  return (
    <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
      <SearchInput
        wrapperClassName="sm:col-span-2 lg:col-span-1"
        aria-label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={filters.search}
        onChange={(event) => set('search')(event.target.value)}
      />
      <Select aria-label={t('filters.role')} value={filters.role} onValueChange={set('role')} options={roleOptions(t)} />
      <Select
        aria-label={t('filters.department')}
        value={filters.departmentId}
        onValueChange={set('departmentId')}
        options={[{ value: 'all', label: t('filters.allDepartments') }, ...departments.options]}
      />
      <Select aria-label={t('filters.status')} value={filters.status} onValueChange={set('status')} options={statusOptions(t)} />
      <div className="flex items-center gap-2.5 sm:col-span-2 lg:col-span-4">
        <Switch id={`${id}-erased`} checked={filters.includeErased} onCheckedChange={set('includeErased')} />
        <Label htmlFor={`${id}-erased`} className="font-normal text-zinc-700">
          {t('filters.showErased')}
        </Label>
      </div>
    </div>
  );
};
