import { CreateBlogInputSchema } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { Input } from '../../components/input';
import { Textarea } from '../../components/textarea';
import { errorMessage, errorReason } from '../../lib/errors';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { trpc } from '../../lib/trpc';

const ChannelSchema = CreateBlogInputSchema.omit({ posts: true });

const slugify = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

type ChannelDialogProps = { onClose: () => void; onCreated: (id: string) => void };

/** A new news channel (managers). The web address follows the name until it is edited by hand. */
export const ChannelDialog = ({ onClose, onCreated }: ChannelDialogProps) => {
  const { t } = useTranslation('news');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSlugTouched, setIsSlugTouched] = useState(false);
  const form = useForm({ resolver: schemaResolver(ChannelSchema), defaultValues: { name: '', slug: '', description: '' } });
  const create = useMutation(trpc.blog.create.mutationOptions());
  const { errors } = form.formState;
  const nameField = form.register('name', {
    onChange: (event: { target: { value: string } }) => {
      if (!isSlugTouched) form.setValue('slug', slugify(event.target.value));
    },
  });
  const slugField = form.register('slug', { onChange: () => setIsSlugTouched(true) });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await create.mutateAsync({ ...values, description: values.description || undefined });
      toast.success(t('channel.created', { name: saved.name }));
      await queryClient.invalidateQueries(trpc.blog.pathFilter());
      onCreated(saved.id);
    } catch (caught) {
      if (errorReason(caught) === 'SLUG_TAKEN' || errorReason(caught) === 'CONFLICT')
        form.setError('slug', { message: t('channel.slugTaken') });
      else if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  return (
    <FormDialog
      isOpen
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={t('channel.title')}
      description={t('channel.description')}
      error={formError}
      onSubmit={onSubmit}
      submitLabel={t('channel.create')}
      isSubmitting={form.formState.isSubmitting}
    >
      <Field label={t('channel.name')} error={errors.name?.message}>
        <Input autoComplete="off" {...nameField} />
      </Field>
      <Field label={t('channel.slug')} error={errors.slug?.message} hint={t('channel.slugHint')}>
        <Input autoComplete="off" className="font-mono" {...slugField} />
      </Field>
      <Field label={t('channel.descriptionLabel')} error={errors.description?.message}>
        <Textarea rows={2} {...form.register('description')} />
      </Field>
    </FormDialog>
  );
};
