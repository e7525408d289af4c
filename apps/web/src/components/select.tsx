import { Check, ChevronDown } from 'lucide-react';
import { Select as SelectPrimitive } from 'radix-ui';
import { cn } from '../lib/utils';
import { useFieldControl } from './field';
import { controlClasses } from './control-classes';

export type SelectOption<T extends string = string> = { value: T; label: string };

type SelectProps<T extends string> = {
  value: T | undefined;
  /** Always one of the options' values, typed as they are. */
  onValueChange: (value: T) => void;
  options: readonly SelectOption<T>[];
  placeholder?: string;
  /** Needed when the select is not inside a <Field> with a visible label. */
  'aria-label'?: string;
  id?: string;
  disabled?: boolean;
  className?: string;
};

export const Select = <T extends string>({
  value,
  onValueChange,
  options,
  placeholder,
  id,
  disabled,
  className,
  ...aria
}: SelectProps<T>) => {
  const field = useFieldControl();
  const onPick = (picked: string) => {
    const option = options.find((item) => item.value === picked);
    if (option) onValueChange(option.value);
  };
  return (
    <SelectPrimitive.Root value={value} onValueChange={onPick} disabled={disabled}>
      <SelectPrimitive.Trigger
        id={id ?? field?.id}
        aria-label={aria['aria-label']}
        aria-describedby={field?.describedBy}
        aria-invalid={field?.isInvalid || undefined}
        className={cn(
          controlClasses,
          'flex h-10 items-center justify-between gap-2 text-left data-[placeholder]:text-zinc-500 [&>span]:truncate',
          className,
        )}
      >
        <SelectPrimitive.Value placeholder={placeholder} />
        <SelectPrimitive.Icon>
          <ChevronDown aria-hidden className="size-4 text-zinc-500" />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-[min(var(--radix-select-content-available-height),20rem)] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg data-[state=open]:animate-[fade-in_150ms_ease-out]"
        >
          <SelectPrimitive.Viewport className="p-1">
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                className="relative flex h-9 cursor-default items-center rounded-md pr-8 pl-2.5 text-sm text-zinc-900 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-emerald-50 data-[highlighted]:text-emerald-900"
              >
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                <SelectPrimitive.ItemIndicator className="absolute right-2.5">
                  <Check aria-hidden className="size-4 text-emerald-700" />
                </SelectPrimitive.ItemIndicator>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
};
