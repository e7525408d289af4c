import { Label as LabelPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, createContext, useContext, useId } from 'react';
import { cn } from '../lib/utils';
import { Switch } from './switch';

type FieldControl = { id: string; describedBy: string | undefined; isInvalid: boolean };
const FieldContext = createContext<FieldControl | null>(null);

/** Controls inside a <Field> pick up its id, description and error state, so every input is labelled. */
export const useFieldControl = (): FieldControl | null => useContext(FieldContext);

export const Label = ({ className, ...props }: ComponentProps<typeof LabelPrimitive.Root>) => (
  <LabelPrimitive.Root className={cn('text-sm font-medium text-zinc-900', className)} {...props} />
);

/** The line under a control that says what to enter; the control names it in aria-describedby. */
export const Hint = ({ id, children }: { id: string | undefined; children: ReactNode }) => (
  <p id={id} className="text-xs text-zinc-500">
    {children}
  </p>
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
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
};

type SwitchFieldProps = {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  className?: string;
};

/** An on/off setting: its label and a line saying what it does, the switch beside them. */
export const SwitchField = ({ id, label, hint, checked, onCheckedChange, className }: SwitchFieldProps) => (
  <div className={cn('flex items-start justify-between gap-4', className)}>
    <div className="grid gap-0.5">
      <Label htmlFor={id}>{label}</Label>
      <p id={`${id}-hint`} className="text-xs text-zinc-600">
        {hint}
      </p>
    </div>
    <Switch id={id} aria-describedby={`${id}-hint`} checked={checked} onCheckedChange={onCheckedChange} />
  </div>
);
