import { Minus, Plus } from 'lucide-react';
import { cn } from '../lib/utils';
import { Button } from './button';

type QuantityStepperProps = {
  /** What is counted, for screen readers: "Tiramisu". */
  itemName: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  size?: 'sm' | 'md';
  className?: string;
};

/** − n + : the count is announced when it changes, and each button says what it does to which dish. */
export const QuantityStepper = ({
  itemName,
  value,
  onChange,
  min = 1,
  max = 20,
  size = 'md',
  className,
}: QuantityStepperProps) => (
  // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- a labelled group of two buttons and a count, not a form
  <div role="group" aria-label={`Quantity of ${itemName}`} className={cn('inline-flex items-center gap-1', className)}>
    <Button
      variant="secondary"
      size="icon"
      className={size === 'sm' ? 'size-8' : 'size-9'}
      aria-label={`One less ${itemName}`}
      onClick={() => onChange(value - 1)}
      disabled={value <= min}
    >
      <Minus aria-hidden />
    </Button>
    <output aria-live="polite" className="min-w-8 text-center text-sm font-semibold text-zinc-900 tabular-nums">
      {value}
    </output>
    <Button
      variant="secondary"
      size="icon"
      className={size === 'sm' ? 'size-8' : 'size-9'}
      aria-label={`One more ${itemName}`}
      onClick={() => onChange(value + 1)}
      disabled={value >= max}
    >
      <Plus aria-hidden />
    </Button>
  </div>
);
