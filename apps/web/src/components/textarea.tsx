import type { ComponentProps } from 'react';
import { cn } from '../lib/utils';
import { useFieldControl } from './field';
import { controlClasses } from './control-classes';

export const Textarea = ({ className, ...props }: ComponentProps<'textarea'>) => {
  const field = useFieldControl();
  return (
    <textarea
      id={field?.id}
      aria-describedby={field?.describedBy}
      aria-invalid={field?.isInvalid || undefined}
      className={cn(controlClasses, 'min-h-20 py-2', className)}
      {...props}
    />
  );
};
