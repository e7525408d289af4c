import { Check } from 'lucide-react';
import { Checkbox as CheckboxPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { cn } from '../lib/utils';
import { Hint } from './field';

export const Checkbox = ({ className, ...props }: ComponentProps<typeof CheckboxPrimitive.Root>) => (
  <CheckboxPrimitive.Root
    className={cn(
      'peer flex size-4.5 shrink-0 items-center justify-center rounded border border-zinc-400 bg-white shadow-xs transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:cursor-not-allowed disabled:opacity-60 data-[state=checked]:border-emerald-700 data-[state=checked]:bg-emerald-700 data-[state=checked]:text-white',
      className,
    )}
    {...props}
  >
    <CheckboxPrimitive.Indicator>
      <Check aria-hidden className="size-3.5" strokeWidth={3} />
    </CheckboxPrimitive.Indicator>
  </CheckboxPrimitive.Root>
);

type CheckboxGroupProps<T extends string> = {
  legend: ReactNode;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  hint?: ReactNode;
  /** Up to three columns on wider screens; two where space is tight (a popover). */
  columns?: 2 | 3;
  className?: string;
};

/** A labelled group of checkboxes over a closed list (allergens, dietary tags), in the list's own order. */
export const CheckboxGroup = <T extends string>({
  legend,
  options,
  labels,
  value,
  onChange,
  hint,
  columns = 3,
  className,
}: CheckboxGroupProps<T>) => {
  const id = useId();
  const toggle = (option: T, isChecked: boolean) =>
    onChange(options.filter((item) => (item === option ? isChecked : value.includes(item))));
  return (
    <fieldset className={cn('grid gap-2', className)} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="mb-1 text-sm font-medium text-zinc-900">{legend}</legend>
      <div className={cn('grid grid-cols-2 gap-x-4 gap-y-2', columns === 3 && 'sm:grid-cols-3')}>
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm text-zinc-800">
            <Checkbox checked={value.includes(option)} onCheckedChange={(state) => toggle(option, state === true)} />
            {labels[option]}
          </label>
        ))}
      </div>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
    </fieldset>
  );
};
