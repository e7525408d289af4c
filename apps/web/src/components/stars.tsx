import { Star } from 'lucide-react';
import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { i18next } from '../lib/i18n';
import { cn } from '../lib/utils';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** "1 star", "4 stars", in the language shown; call while rendering. */
export const starsLabel = (rating: number): string =>
  i18next.t('common:stars.count', { count: rating, rating: formatNumber(rating) });

/** A rating shown as five stars; read out as "4 out of 5 stars". */
export const Stars = ({ rating, className }: { rating: number; className?: string }) => {
  const { t } = useTranslation('common');
  return (
    <span
      role="img"
      aria-label={t('stars.outOfFive', { rating: formatNumber(rating) })}
      className={cn('inline-flex items-center gap-0.5', className)}
    >
      {RATINGS.map((value) => (
        <Star
          key={value}
          aria-hidden
          className={cn('size-3.5', value <= Math.round(rating) ? 'fill-amber-400 text-amber-500' : 'text-zinc-300')}
        />
      ))}
    </span>
  );
};

type StarRatingInputProps = {
  'aria-label': string;
  value: number | null;
  onValueChange: (value: number) => void;
  disabled?: boolean;
  'aria-describedby'?: string;
};

/** Choosing 1 to 5 stars: a radio group ("1 star" … "5 stars"), so arrow keys and screen readers work. */
export const StarRatingInput = ({ value, onValueChange, disabled, ...aria }: StarRatingInputProps) => {
  // Renders again when the language changes (the stars' names).
  useTranslation('common');
  return (
    <RadioGroupPrimitive.Root
      aria-label={aria['aria-label']}
      aria-describedby={aria['aria-describedby']}
      value={value === null ? '' : String(value)}
      onValueChange={(next) => onValueChange(Number(next))}
      disabled={disabled}
      orientation="horizontal"
      className="flex items-center gap-1"
    >
      {RATINGS.map((rating) => (
        <RadioGroupPrimitive.Item
          key={rating}
          value={String(rating)}
          aria-label={starsLabel(rating)}
          className="rounded-md p-1 text-zinc-300 transition-colors hover:text-amber-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 disabled:opacity-50"
        >
          <Star
            aria-hidden
            className={cn('size-6', value !== null && rating <= value ? 'fill-amber-400 text-amber-500' : 'text-zinc-400')}
          />
        </RadioGroupPrimitive.Item>
      ))}
    </RadioGroupPrimitive.Root>
  );
};
