import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import { useDepartmentOptions } from '../../lib/use-department-options';

const ALL = 'all';

type DepartmentFieldProps = {
  value: string | undefined;
  onChange: (departmentId: string | undefined) => void;
  className?: string;
};

/** An admin's choice between the whole company (undefined) and one department. */
export const DepartmentField = ({ value, onChange, className }: DepartmentFieldProps) => {
  const { t } = useTranslation('report');
  const departments = useDepartmentOptions();
  return (
    <Field label={t('department.label')} className={className}>
      <Select
        value={value ?? ALL}
        onValueChange={(picked) => onChange(picked === ALL ? undefined : picked)}
        options={[{ value: ALL, label: t('department.all') }, ...departments.options]}
        disabled={departments.isLoading}
      />
    </Field>
  );
};

/** The name of the department an admin picked, or null for the whole company (or while the names load). */
export const useDepartmentName = (departmentId: string | undefined, isEnabled: boolean): string | null => {
  const departments = useDepartmentOptions(isEnabled && departmentId !== undefined);
  return departments.options.find((option) => option.value === departmentId)?.label ?? null;
};
