import { type Control, type FieldPathByValue, type FieldValues, useController } from 'react-hook-form';
import { SwitchField } from './field';

type FormSwitchFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPathByValue<T, boolean>;
  id: string;
  label: string;
  hint: string;
  className?: string;
};

/** A SwitchField bound to a react-hook-form boolean. */
export const FormSwitchField = <T extends FieldValues>({ control, name, ...props }: FormSwitchFieldProps<T>) => {
  const { field } = useController({ control, name });
  return <SwitchField {...props} checked={Boolean(field.value)} onCheckedChange={field.onChange} />;
};
