import { Label as LabelPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, createContext, useContext, useId } from 'react';
import { cn } from '../lib/utils';

type FieldControl = { id: string; describedBy: string | undefined; isInvalid: boolean };
const FieldContext = createContext<FieldControl | null>(null);

/** Controls inside a <Field> pick up its id, description and error state, so every input is labelled. */
export const useFieldControl = (): FieldControl | null => useContext(FieldContext);

export const Label = ({ className, ...props }: ComponentProps<typeof LabelPrimitive.Root>) => (
  <LabelPrimitive.Root className={cn('text-sm font-medium text-zinc-900', className)} {...props} />
);

type FieldProps = {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  id?: string;
  className?: string;
  children: ReactNode;
};

export const Field = ({ label, error, hint, id, className, children }: FieldProps) => {
  const generated = useId();
  const controlId = id ?? `field${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('grid content-start gap-1.5', className)}>
      <Label htmlFor={controlId}>{label}</Label>
      <FieldContext value={{ id: controlId, describedBy, isInvalid: Boolean(error) }}>{children}</FieldContext>
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
};
