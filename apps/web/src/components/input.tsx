import type { ComponentProps } from 'react';
import { cn } from '../lib/utils';
import { controlClasses } from './control-classes';
import { useFieldControl } from './field';

export const Input = ({ className, ...props }: ComponentProps<'input'>) => {
  const field = useFieldControl();
  return (
    <input
      id={field?.id}
      aria-describedby={field?.describedBy}
      aria-invalid={field?.isInvalid || undefined}
      className={cn(controlClasses, 'h-10', className)}
      {...props}
    />
  );
};
