import { ALLERGENS, CreateProductInputSchema, DIETARY_TAGS, type ProductDto, StockCountSchema } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { CheckboxGroup } from '../../components/checkbox';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { FormSwitchField } from '../../components/form-switch-field';
import { Input } from '../../components/input';
import { Select } from '../../components/select';
import { Textarea } from '../../components/textarea';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors, parseCount, schemaResolver } from '../../lib/form';
import { formatMoney, parseMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { allergenLabels, dietaryLabels } from '../../lib/product-labels';

const { shape } = CreateProductInputSchema;

/** The API's product fields, with the price typed in euros and the stock as text, as people enter them. */
const ProductFormSchema = z
  .object({
    name: shape.name,
    description: shape.description,
    price: z.string().refine((text) => shape.priceCents.safeParse(parseMoney(text)).success, 'Enter a price in euros, e.g. 4.50'),
    categoryId: z.string().min(1, 'Choose a category'),
    allergens: shape.allergens,
    dietaryTags: shape.dietaryTags,
    isStockTracked: z.boolean(),
    stock: z.string(),
  })
  .refine((values) => !values.isStockTracked || StockCountSchema.safeParse(parseCount(values.stock)).success, {
    path: ['stock'],
    message: 'Enter how many are on the shelf (0 or more)',
  });

const centsToInput = (cents: number): string => (cents / 100).toFixed(2);

type ProductFormDialogProps = { product: ProductDto | null; isOpen: boolean; onOpenChange: (isOpen: boolean) => void };

/** Creates a dish (no `product`) or edits one. Stock of an existing dish changes through "Adjust stock". */
export const ProductFormDialog = ({ product, isOpen, onOpenChange }: ProductFormDialogProps) => {
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.category.list.queryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(ProductFormSchema),
    defaultValues: {
      name: product?.name ?? '',
      description: product?.description ?? '',
      price: product ? centsToInput(product.priceCents) : '',
      categoryId: product?.categoryId ?? '',
      allergens: product?.allergens ?? [],
      dietaryTags: product?.dietaryTags ?? [],
      isStockTracked: product ? product.stock !== null : false,
      stock: product?.stock === null || product === null ? '' : String(product.stock),
    },
  });
  const { errors } = form.formState;
  const isStockTracked = form.watch('isStockTracked');
  const create = useMutation(trpc.product.create.mutationOptions());
  const update = useMutation(trpc.product.update.mutationOptions());

  const onSubmit = form.handleSubmit(async ({ price, isStockTracked: isTracked, stock, ...fields }) => {
    setFormError(null);
    const priceCents = parseMoney(price) ?? 0;
    try {
      const saved = product
        ? await update.mutateAsync({ id: product.id, ...fields, priceCents })
        : await create.mutateAsync({ ...fields, priceCents, stock: isTracked ? Number(stock) : null });
      toast.success(product ? `Saved ${saved.name}.` : `Added ${saved.name} to the menu at ${formatMoney(saved.priceCents)}.`);
      onOpenChange(false);
      await Promise.all([
        queryClient.invalidateQueries(trpc.product.pathFilter()),
        queryClient.invalidateQueries(trpc.category.pathFilter()),
      ]);
    } catch (caught) {
      if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
      title={product ? `Edit ${product.name}` : 'New dish'}
      description="Declare every allergen: people rely on it. Price changes apply to new orders only."
      error={formError}
      onSubmit={onSubmit}
      submitLabel={product ? 'Save changes' : 'Add dish'}
      isSubmitting={form.formState.isSubmitting}
    >
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label="Price (€)" error={errors.price?.message}>
          <Input inputMode="decimal" autoComplete="off" placeholder="4.50" {...form.register('price')} />
        </Field>
        <Field label="Description" error={errors.description?.message} className="sm:col-span-2">
          <Textarea rows={3} {...form.register('description')} />
        </Field>
        <Field label="Category" error={errors.categoryId?.message}>
          <Controller
            control={form.control}
            name="categoryId"
            render={({ field }) => (
              <Select
                value={field.value || undefined}
                onValueChange={field.onChange}
                options={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
                placeholder={categories.isPending ? 'Loading…' : 'Choose a category'}
              />
            )}
          />
        </Field>
      </div>
      <Controller
        control={form.control}
        name="allergens"
        render={({ field }) => (
          <CheckboxGroup
            legend="Allergens"
            options={ALLERGENS}
            labels={allergenLabels()}
            value={field.value}
            onChange={field.onChange}
            hint="Tick every one of the 14 EU allergens the dish contains."
          />
        )}
      />
      <Controller
        control={form.control}
        name="dietaryTags"
        render={({ field }) => (
          <CheckboxGroup
            legend="Dietary"
            options={DIETARY_TAGS}
            labels={dietaryLabels()}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      {product ? (
        <p className="rounded-lg bg-zinc-50 px-3.5 py-3 text-sm text-zinc-700">
          {product.stock === null ? 'Stock is not tracked for this dish.' : `${product.stock} on the shelf.`} Use{' '}
          <span className="font-medium">Adjust stock</span> for deliveries, waste or a stocktake.
        </p>
      ) : (
        <div className="grid gap-3 rounded-lg border border-zinc-200 px-3.5 py-3">
          <FormSwitchField
            control={form.control}
            name="isStockTracked"
            id="product-track-stock"
            label="Track stock"
            hint="For dishes made in a fixed batch: the menu shows “Only 3 left” and “Sold out”."
          />
          {isStockTracked ? (
            <Field label="On the shelf now" error={errors.stock?.message} className="max-w-40">
              <Input inputMode="numeric" autoComplete="off" {...form.register('stock')} />
            </Field>
          ) : null}
        </div>
      )}
    </FormDialog>
  );
};
