import { NumberField } from '@base-ui/react/number-field';
import { Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/utils';
import { Button } from './button';
import { controlClasses } from './control-classes';

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

/**
 * − n + as a number field (Base UI): the count can also be typed or stepped with the arrow keys, and it never
 * leaves min..max. Each button says what it does to which dish, and the count is announced when it changes.
 */
export const QuantityStepper = ({
  itemName,
  value,
  onChange,
  min = 1,
  max = 20,
  size = 'md',
  className,
}: QuantityStepperProps) => {
  const { t } = useTranslation('common');
  const buttonSize = size === 'sm' ? 'size-8' : 'size-9';
  return (
    <NumberField.Root
      value={value}
      min={min}
      max={max}
      step={1}
      // A cleared box is not a quantity: the line keeps its count until something is typed.
      onValueChange={(next) => {
        if (next !== null) onChange(Math.min(max, Math.max(min, Math.round(next))));
      }}
      className={className}
    >
      <NumberField.Group aria-label={t('quantity.of', { item: itemName })} className="inline-flex items-center gap-1">
        <NumberField.Decrement
          render={<Button variant="secondary" size="icon" className={buttonSize} />}
          aria-label={t('quantity.less', { item: itemName })}
        >
          <Minus aria-hidden />
        </NumberField.Decrement>
        <NumberField.Input
          aria-label={t('quantity.label')}
          className={cn(controlClasses, size === 'sm' ? 'h-8' : 'h-9', 'w-11 px-1 text-center font-semibold tabular-nums')}
        />
        <NumberField.Increment
          render={<Button variant="secondary" size="icon" className={buttonSize} />}
          aria-label={t('quantity.more', { item: itemName })}
        >
          <Plus aria-hidden />
        </NumberField.Increment>
        <span aria-live="polite" className="sr-only">
          {value}
        </span>
      </NumberField.Group>
    </NumberField.Root>
  );
};
