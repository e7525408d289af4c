import { AdjustStockInputSchema, type ProductDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { FormDialog } from '../../components/form-dialog';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { type RadioOption, RadioCards } from '../../components/radio-group';
import { errorMessage } from '../../lib/errors';
import { parseCount } from '../../lib/form';
import { trpc } from '../../lib/trpc';

type Mode = 'delivery' | 'waste' | 'set' | 'untrack';

const TRACKED_MODES: RadioOption<Mode>[] = [
  { value: 'delivery', label: '+ Delivery', description: 'Add what arrived' },
  { value: 'waste', label: '− Waste', description: 'Take off what was thrown away' },
  { value: 'set', label: 'Set count', description: 'After counting the shelf' },
  { value: 'untrack', label: 'Stop tracking', description: 'Always available' },
];

type StockDialogProps = { product: ProductDto | null; onClose: () => void };

/**
 * Deliveries and waste change the stock relative to what is there when the change arrives, so sales made
 * while the dialog was open are not lost; "set count" is for a stocktake.
 */
export const StockDialog = ({ product, onClose }: StockDialogProps) => {
  const queryClient = useQueryClient();
  const isTracked = product?.stock !== null && product !== null;
  const [mode, setMode] = useState<Mode>(isTracked ? 'delivery' : 'set');
  const [countText, setCountText] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const adjust = useMutation(
    trpc.product.adjustStock.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(
          saved.stock === null ? `${saved.name} is no longer stock-tracked.` : `${saved.name}: ${saved.stock} on the shelf.`,
        );
        onClose();
        await queryClient.invalidateQueries(trpc.product.pathFilter());
      },
    }),
  );

  const onSubmit = () => {
    if (!product) return;
    setInputError(undefined);
    if (mode === 'untrack') {
      adjust.mutate({ id: product.id, set: null });
      return;
    }
    const count = parseCount(countText);
    const input =
      count === null
        ? null
        : mode === 'set'
          ? { id: product.id, set: count }
          : { id: product.id, delta: mode === 'delivery' ? count : -count };
    if (!input || !AdjustStockInputSchema.safeParse(input).success) {
      setInputError(mode === 'set' ? 'Enter a count of 0 or more' : 'Enter how many, 1 or more');
      return;
    }
    adjust.mutate(input);
  };

  return (
    <FormDialog
      isOpen={product !== null}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={`Adjust stock of ${product?.name ?? ''}`}
      description={isTracked ? `${product?.stock ?? 0} on the shelf now.` : 'Stock is not tracked: set a count to start.'}
      error={adjust.error ? errorMessage(adjust.error) : null}
      onSubmit={onSubmit}
      submitLabel={mode === 'untrack' ? 'Stop tracking' : 'Save stock'}
      isSubmitting={adjust.isPending}
    >
      {isTracked ? <RadioCards aria-label="What happened?" value={mode} onValueChange={setMode} options={TRACKED_MODES} /> : null}
      {mode === 'untrack' ? null : (
        <Field
          label={mode === 'delivery' ? 'How many arrived' : mode === 'waste' ? 'How many to take off' : 'Count on the shelf'}
          error={inputError}
          className="max-w-48"
        >
          <Input
            inputMode="numeric"
            autoComplete="off"
            value={countText}
            onChange={(event) => setCountText(event.target.value)}
          />
        </Field>
      )}
    </FormDialog>
  );
};
