import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '../lib/utils';

export type RadioOption<T extends string> = { value: T; label: string; description?: ReactNode };

type RadioCardsProps<T extends string> = {
  'aria-label': string;
  value: T;
  onValueChange: (value: T) => void;
  options: readonly RadioOption<T>[];
  className?: string;
};

/** Choices as cards: a radio group (arrow keys move between them) where each option can explain itself. */
export const RadioCards = <T extends string>({ value, onValueChange, options, className, ...aria }: RadioCardsProps<T>) => (
  <RadioGroupPrimitive.Root
    aria-label={aria['aria-label']}
    value={value}
    onValueChange={(next) => onValueChange(next as T)}
    className={cn('grid gap-2 sm:grid-cols-2', className)}
  >
    {options.map((option) => (
      <RadioGroupPrimitive.Item
        key={option.value}
        value={option.value}
        className="grid gap-0.5 rounded-lg border border-zinc-300 bg-white px-3.5 py-2.5 text-left transition-colors hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 data-[state=checked]:border-emerald-700 data-[state=checked]:bg-emerald-50 data-[state=checked]:ring-1 data-[state=checked]:ring-emerald-700"
      >
        <span className="text-sm font-medium text-zinc-900">{option.label}</span>
        {option.description ? <span className="text-xs text-zinc-600">{option.description}</span> : null}
      </RadioGroupPrimitive.Item>
    ))}
  </RadioGroupPrimitive.Root>
);
