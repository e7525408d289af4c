import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/utils';
import { Field } from './field';
import { Input } from './input';

type TotpCodeFieldProps = Omit<ComponentProps<'input'>, 'size'> & {
  label?: string;
  error: string | undefined;
  /** `lg`: the sign-in step, where the code is all there is to enter. */
  size?: 'md' | 'lg';
  className?: string;
};

/** The 6-digit code from an authenticator app: digits keyboard, one-time-code autofill, six characters. */
export const TotpCodeField = ({ label, error, size = 'md', className, ...props }: TotpCodeFieldProps) => {
  const { t } = useTranslation('common');
  return (
    <Field label={label ?? t('totpCode')} error={error} className={cn(size === 'md' && 'max-w-48', className)}>
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="123456"
        className={cn('font-mono', size === 'lg' ? 'text-center text-lg tracking-[0.4em]' : 'tracking-[0.3em]')}
        {...props}
      />
    </Field>
  );
};
