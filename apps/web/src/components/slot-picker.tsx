import type { SlotAvailability } from '@canteen/shared';
import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { useCanteenConfig } from '../lib/canteen-config';
import { formatPickupDay, formatPickupTime, isBookable } from '../lib/pickup';
import { cn } from '../lib/utils';

type SlotPickerProps = {
  slots: readonly SlotAvailability[];
  /** The slot chosen; null: none (nothing can be booked). */
  value: string | null;
  onValueChange: (slotId: string) => void;
  /** The slot an order already has (changing it): it stays choosable although its own place makes it look full. */
  currentId?: string | null;
  'aria-describedby'?: string;
};

/**
 * A day's pickup times as a grid of buttons, one radio group named "Pickup time": each says what is left
 * ("11:45 · 3 left"); full ones and those that have started cannot be chosen.
 */
export const SlotPicker = ({ slots, value, onValueChange, currentId = null, ...aria }: SlotPickerProps) => {
  const { t } = useTranslation('common');
  const stateOf = (slot: SlotAvailability): string => {
    if (slot.id === currentId) return t('pickup.yourTime');
    if (!slot.isOpen) return t('pickup.slotPassed');
    return slot.left > 0 ? t('pickup.slotLeft', { count: slot.left }) : t('pickup.slotFull');
  };
  return (
    <RadioGroupPrimitive.Root
      aria-label={t('pickup.time')}
      aria-describedby={aria['aria-describedby']}
      value={value ?? ''}
      onValueChange={onValueChange}
      className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-3"
    >
      {slots.map((slot) => {
        const isChoosable = slot.id === currentId || isBookable(slot);
        return (
          <RadioGroupPrimitive.Item
            key={slot.id}
            value={slot.id}
            disabled={!isChoosable}
            className={cn(
              'grid justify-items-center gap-0.5 rounded-lg border border-zinc-300 bg-white px-1 py-2 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600',
              'hover:bg-zinc-50 data-[state=checked]:border-emerald-700 data-[state=checked]:bg-emerald-50 data-[state=checked]:ring-1 data-[state=checked]:ring-emerald-700',
              'disabled:cursor-not-allowed disabled:border-zinc-200 disabled:bg-zinc-50 disabled:hover:bg-zinc-50',
            )}
          >
            <span
              className={cn(
                'text-sm font-semibold text-zinc-900 tabular-nums',
                !isChoosable && 'text-zinc-500 line-through decoration-zinc-400',
              )}
            >
              {slot.startsAt}
            </span>
            <span className="sr-only"> · </span>
            <span className={cn('text-xs', isChoosable ? 'text-zinc-600' : 'text-zinc-500')}>{stateOf(slot)}</span>
          </RadioGroupPrimitive.Item>
        );
      })}
    </RadioGroupPrimitive.Root>
  );
};

/**
 * Until when an order may be changed or cancelled: the pickup day's cut-off ("until 10:30 on Tue 8 Dec"); once it
 * has passed (an order for today placed after it), until the kitchen starts on it.
 */
export const CutoffNote = ({ day, cutoffAt, id }: { day: string; cutoffAt: string; id?: string }) => {
  const { t } = useTranslation('common');
  const { timeZone } = useCanteenConfig();
  return (
    <p id={id} className="text-sm text-zinc-600" data-testid="pickup-cutoff">
      {Date.parse(cutoffAt) > Date.now()
        ? t('pickup.cutoff', { time: formatPickupTime(cutoffAt, timeZone), day: formatPickupDay(day) })
        : t('pickup.cutoffPassed')}
    </p>
  );
};
