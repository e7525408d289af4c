import { CreateUserInputSchema, PASSWORD_MIN_LENGTH, ROLES, type UserDto, hasRequiredDepartment } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { z } from 'zod';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { FormSwitchField } from '../../components/form-switch-field';
import { Input } from '../../components/input';
import { Select } from '../../components/select';
import { errorMessage, errorReason } from '../../lib/errors';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { formatDateTime, formatNumber, roleLabel } from '../../lib/format';
import { i18next } from '../../lib/i18n';
import { trpc } from '../../lib/trpc';
import { useDepartmentOptions } from '../../lib/use-department-options';

const NO_DEPARTMENT = 'none';
const roleOptions = () => ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

// The message is looked up when the form is checked, in the language shown then.
const DEPARTMENT_RULE = { path: ['departmentId'], error: () => i18next.t('users:form.departmentRequired') };

const BaseSchema = CreateUserInputSchema.omit({ password: true }).extend({ isActive: z.boolean() });
const CreateFormSchema = BaseSchema.extend({ password: CreateUserInputSchema.shape.password }).refine(
  hasRequiredDepartment,
  DEPARTMENT_RULE,
);
const EditFormSchema = BaseSchema.extend({ password: z.string() }).refine(hasRequiredDepartment, DEPARTMENT_RULE);

type UserFormDialogProps = { user: UserDto | null; isOpen: boolean; onOpenChange: (isOpen: boolean) => void };

/** Creates a user (no `user`) or edits one: details, role, department, active and lockout. */
export const UserFormDialog = ({ user, isOpen, onOpenChange }: UserFormDialogProps) => {
  const { t } = useTranslation('users');
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(user ? EditFormSchema : CreateFormSchema),
    defaultValues: {
      email: user?.email ?? '',
      name: user?.name ?? '',
      employeeNumber: user?.employeeNumber ?? '',
      role: user?.role ?? 'employee',
      departmentId: user?.departmentId ?? null,
      isActive: user?.isActive ?? true,
      password: '',
    },
  });
  const { errors } = form.formState;
  // Only an admin may be without a department: for anyone else "No department" is no choice, and until one is
  // chosen the field says "Choose a department" (and Create says it is missing) rather than guessing one.
  const mayHaveNoDepartment = hasRequiredDepartment({ role: form.watch('role'), departmentId: null });
  const onSaved = async (message: string) => {
    toast.success(message);
    await Promise.all([
      queryClient.invalidateQueries(trpc.user.pathFilter()),
      queryClient.invalidateQueries(trpc.department.pathFilter()),
    ]);
  };
  const create = useMutation(trpc.user.create.mutationOptions());
  const update = useMutation(trpc.user.update.mutationOptions());

  const onSubmit = form.handleSubmit(async ({ password, isActive, ...fields }) => {
    setFormError(null);
    try {
      if (user) {
        const saved = await update.mutateAsync({ id: user.id, ...fields, isActive });
        await onSaved(t('form.saved', { name: saved.name }));
      } else {
        const saved = await create.mutateAsync({ ...fields, password });
        await onSaved(t('form.created', { name: saved.name }));
      }
      onOpenChange(false);
    } catch (caught) {
      const reason = errorReason(caught);
      if (reason === 'EMAIL_TAKEN') form.setError('email', { message: errorMessage(caught) });
      else if (reason === 'EMPLOYEE_NUMBER_TAKEN') form.setError('employeeNumber', { message: errorMessage(caught) });
      else if (reason === 'WEAK_PASSWORD') form.setError('password', { message: errorMessage(caught) });
      else if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  const onUnlock = async () => {
    if (!user) return;
    setFormError(null);
    try {
      await update.mutateAsync({ id: user.id, unlock: true });
      await onSaved(t('table.unlocked', { name: user.name }));
      onOpenChange(false);
    } catch (caught) {
      setFormError(errorMessage(caught));
    }
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
      title={user ? t('form.editTitle', { name: user.name }) : t('form.newTitle')}
      description={user ? t('form.editDescription') : t('form.newDescription')}
      error={formError}
      onSubmit={onSubmit}
      submitLabel={user ? t('form.save') : t('form.create')}
      isSubmitting={form.formState.isSubmitting}
    >
      {user?.isLocked ? (
        <Alert tone="warning" title={t('form.lockedTitle')}>
          <div className="grid gap-2">
            <p>{t('form.lockedText', { date: formatDateTime(user.lockedUntil) })}</p>
            <div>
              <Button size="sm" variant="secondary" onClick={() => void onUnlock()} isLoading={update.isPending}>
                {t('form.unlockNow')}
              </Button>
            </div>
          </div>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('form.name')} error={errors.name?.message}>
          <Input autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label={t('form.email')} error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...form.register('email')} />
        </Field>
        <Field label={t('form.employeeNumber')} error={errors.employeeNumber?.message} hint={t('form.employeeNumberHint')}>
          <Input autoComplete="off" {...form.register('employeeNumber')} />
        </Field>
        <Field label={t('form.role')} error={errors.role?.message}>
          <Controller
            control={form.control}
            name="role"
            // A new role may make the department required or not: its message follows at once.
            rules={{ deps: ['departmentId'] }}
            render={({ field }) => <Select value={field.value} onValueChange={field.onChange} options={roleOptions()} />}
          />
        </Field>
        <Field label={t('form.department')} error={errors.departmentId?.message}>
          <Controller
            control={form.control}
            name="departmentId"
            render={({ field }) => (
              <Select
                value={field.value ?? (mayHaveNoDepartment ? NO_DEPARTMENT : undefined)}
                onValueChange={(value) => field.onChange(value === NO_DEPARTMENT ? null : value)}
                options={
                  mayHaveNoDepartment
                    ? [{ value: NO_DEPARTMENT, label: t('form.noDepartment') }, ...departments.options]
                    : departments.options
                }
                placeholder={departments.isLoading ? t('form.loadingDepartments') : t('form.chooseDepartment')}
              />
            )}
          />
        </Field>
        {user ? (
          <FormSwitchField
            control={form.control}
            name="isActive"
            id="user-is-active"
            label={t('form.active')}
            hint={t('form.activeHint')}
            className="rounded-lg border border-zinc-200 px-3.5 py-3 sm:self-end"
          />
        ) : (
          <Field
            label={t('form.initialPassword')}
            error={errors.password?.message}
            hint={t('form.initialPasswordHint', { min: formatNumber(PASSWORD_MIN_LENGTH) })}
          >
            <Input type="password" autoComplete="new-password" {...form.register('password')} />
          </Field>
        )}
      </div>
    </FormDialog>
  );
};
