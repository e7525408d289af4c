import { CreateDepartmentInputSchema, type DepartmentDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { Input } from '../../components/input';
import { errorMessage, errorReason } from '../../lib/errors';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { trpc } from '../../lib/trpc';

type DepartmentFormDialogProps = { department: DepartmentDto | null; isOpen: boolean; onOpenChange: (isOpen: boolean) => void };

export const DepartmentFormDialog = ({ department, isOpen, onOpenChange }: DepartmentFormDialogProps) => {
  const { t } = useTranslation('departments');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(CreateDepartmentInputSchema),
    defaultValues: { name: department?.name ?? '', code: department?.code ?? '' },
  });
  const create = useMutation(trpc.department.create.mutationOptions());
  const update = useMutation(trpc.department.update.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = department ? await update.mutateAsync({ id: department.id, ...values }) : await create.mutateAsync(values);
      toast.success(department ? t('form.saved', { department: saved.name }) : t('form.created', { department: saved.name }));
      onOpenChange(false);
      await queryClient.invalidateQueries(trpc.department.pathFilter());
      if (department) await queryClient.invalidateQueries(trpc.user.pathFilter());
    } catch (caught) {
      if (errorReason(caught) === 'DEPARTMENT_TAKEN') form.setError('name', { message: errorMessage(caught) });
      else if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={department ? t('form.editTitle', { department: department.name }) : t('form.newTitle')}
      description={t('form.description')}
      error={formError}
      onSubmit={onSubmit}
      submitLabel={department ? t('form.saveChanges') : t('form.create')}
      isSubmitting={form.formState.isSubmitting}
    >
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field label={t('form.name')} error={errors.name?.message}>
          <Input autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label={t('form.code')} error={errors.code?.message} hint={t('form.codeHint')}>
          <Input autoComplete="off" className="font-mono uppercase" {...form.register('code')} />
        </Field>
      </div>
    </FormDialog>
  );
};
