import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { dayChipLabel, formatPickupDayLong } from '../lib/pickup';
import { cn } from '../lib/utils';

type DayPickerProps = {
  'aria-label': string;
  /** The days to choose from (`YYYY-MM-DD`, canteen's zone), today first. */
  days: readonly string[];
  today: string;
  value: string;
  onValueChange: (day: string) => void;
  className?: string;
};

/**
 * The pickup day as a row of chips ("Today", "Tomorrow", "Wed 9"): one radio group (arrow keys move), which
 * scrolls sideways on a phone instead of wrapping. Each chip's name ends with the whole date for screen readers.
 */
export const DayPicker = ({ days, today, value, onValueChange, className, ...aria }: DayPickerProps) => (
  <RadioGroupPrimitive.Root
    aria-label={aria['aria-label']}
    orientation="horizontal"
    value={value}
    onValueChange={onValueChange}
    data-scroll-x=""
    className={cn(
      'relative -mx-4 flex gap-1.5 overflow-x-auto px-4 pb-1 [scrollbar-width:thin] sm:mx-0 sm:flex-wrap sm:px-0',
      className,
    )}
  >
    {days.map((day) => (
      <RadioGroupPrimitive.Item
        key={day}
        value={day}
        className="inline-flex h-9 shrink-0 items-center rounded-full border border-zinc-300 bg-white px-3.5 text-sm font-medium whitespace-nowrap text-zinc-700 transition-colors hover:bg-zinc-50 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 data-[state=checked]:border-emerald-700 data-[state=checked]:bg-emerald-50 data-[state=checked]:text-emerald-900 data-[state=checked]:ring-1 data-[state=checked]:ring-emerald-700"
      >
        {dayChipLabel(day, today)}
        <span className="sr-only">, {formatPickupDayLong(day)}</span>
      </RadioGroupPrimitive.Item>
    ))}
  </RadioGroupPrimitive.Root>
);
