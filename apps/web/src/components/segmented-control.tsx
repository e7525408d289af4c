import { ToggleGroup } from 'radix-ui';
import { cn } from '../lib/utils';

type SegmentedControlProps<T extends string> = {
  'aria-label': string;
  value: T;
  onValueChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
  className?: string;
};

/** A few mutually exclusive views side by side (per day / per week): one is always on, arrow keys move. */
export const SegmentedControl = <T extends string>({
  value,
  onValueChange,
  options,
  className,
  ...aria
}: SegmentedControlProps<T>) => (
  <ToggleGroup.Root
    type="single"
    aria-label={aria['aria-label']}
    value={value}
    onValueChange={(next) => {
      // Pressing the active one again would leave none on.
      const option = options.find((item) => item.value === next);
      if (option) onValueChange(option.value);
    }}
    className={cn('inline-flex h-8 items-center rounded-lg bg-zinc-100 p-0.5', className)}
  >
    {options.map((option) => (
      <ToggleGroup.Item
        key={option.value}
        value={option.value}
        className="h-full rounded-md px-2.5 text-sm font-medium text-zinc-600 transition-colors hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 data-[state=on]:bg-white data-[state=on]:text-emerald-800 data-[state=on]:shadow-sm data-[state=on]:ring-1 data-[state=on]:ring-zinc-200"
      >
        {option.label}
      </ToggleGroup.Item>
    ))}
  </ToggleGroup.Root>
);
