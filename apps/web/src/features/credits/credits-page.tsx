import { BulkCreditInputSchema, CreditInputSchema, type UserDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, FormProvider, useController, useForm, useFormContext } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { EmployeePicker } from '../../components/employee-picker';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { ConfirmDialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { PageHeader } from '../../components/page-header';
import { PersonBalance } from '../../components/person-balance';
import { Select } from '../../components/select';
import { useSession } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { formatMoney, formatSignedMoney, parseMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { useDepartmentOptions } from '../../lib/use-department-options';
import { usePersonBalance } from '../../lib/use-person-balance';
import { usePayerOptions } from './use-payer-options';

const WHOLE_COMPANY = 'company';

/** An amount typed in euros that the API's amount field accepts once it is in cents. */
const amountField = (cents: z.ZodType<number>, message: string) =>
  z.string().refine((text) => cents.safeParse(parseMoney(text)).success, message);

export const CreditsPage = () => (
  <>
    <PageHeader
      title="Credits"
      description="Put money in wallets. A negative amount is an adjustment that takes back that payer's earlier credit."
    />
    <div className="grid items-start gap-6 lg:grid-cols-2">
      <SingleCreditCard />
      <BulkCreditCard />
    </div>
  </>
);

/** The fields both credit forms have (inside their FormProvider). */
type CreditFieldValues = { payerId: string; amount: string; note: string };

type CreditFieldsProps = { amountLabel: string; amountHint?: string; notePlaceholder: string; noteHint?: string };

/**
 * Which payer the money comes from (among those the signed-in person may use), how much and a note: the part
 * of crediting one person and crediting a team that is the same.
 */
const CreditFields = ({ amountLabel, amountHint, notePlaceholder, noteHint }: CreditFieldsProps) => {
  const { control, register, formState } = useFormContext<CreditFieldValues>();
  const { field: payer } = useController({ control, name: 'payerId' });
  const payers = usePayerOptions();
  const { errors } = formState;
  return (
    <>
      <Field label="Paid by" error={errors.payerId?.message}>
        <Select
          value={payer.value || undefined}
          onValueChange={payer.onChange}
          options={payers.options}
          placeholder={payers.isLoading ? 'Loading…' : 'Choose a payer'}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <Field label={amountLabel} error={errors.amount?.message} hint={amountHint}>
          <Input inputMode="decimal" autoComplete="off" placeholder="10.00" {...register('amount')} />
        </Field>
        <Field label="Note (optional)" error={errors.note?.message} hint={noteHint}>
          <Input autoComplete="off" placeholder={notePlaceholder} {...register('note')} />
        </Field>
      </div>
    </>
  );
};

const SingleCreditFormSchema = z.object({
  payerId: z.string().min(1, 'Choose who pays'),
  amount: amountField(CreditInputSchema.shape.amountCents, 'Enter an amount in euros, e.g. 12.50 or -5'),
  note: CreditInputSchema.shape.note.unwrap(),
});

const SingleCreditCard = () => {
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<UserDto | null>(null);
  const [personError, setPersonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const balance = usePersonBalance(person);
  const form = useForm({
    resolver: schemaResolver(SingleCreditFormSchema),
    defaultValues: { payerId: '', amount: '', note: '' },
  });
  const credit = useMutation(trpc.wallet.credit.mutationOptions());

  const onSubmit = form.handleSubmit(async ({ payerId, amount, note }) => {
    setFormError(null);
    if (!person) {
      setPersonError('Choose who gets the money');
      return;
    }
    const amountCents = parseMoney(amount) ?? 0;
    try {
      const result = await credit.mutateAsync({ userId: person.id, payerId, amountCents, ...(note ? { note } : {}) });
      queryClient.setQueryData(trpc.wallet.balance.queryKey({ userId: person.id }), result.balance);
      toast.success(
        `${amountCents > 0 ? 'Credited' : 'Adjusted'} ${formatSignedMoney(amountCents)} for ${person.name}. New balance ${formatMoney(result.balance.totalCents)}.`,
      );
      form.reset({ payerId, amount: '', note: '' });
      await queryClient.invalidateQueries(trpc.wallet.pathFilter());
    } catch (caught) {
      if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  return (
    <Card aria-labelledby="single-credit-title">
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <CardHeader>
            <CardTitle id="single-credit-title">Credit one person</CardTitle>
            <CardDescription>For a birthday, a refund by hand or to correct a mistake.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {formError ? <Alert>{formError}</Alert> : null}
            <div className="grid gap-1.5">
              <EmployeePicker
                label="Who gets it"
                value={person}
                onChange={(next) => {
                  setPerson(next);
                  setPersonError(undefined);
                }}
              />
              {personError ? <p className="text-sm text-red-700">{personError}</p> : null}
              {person ? <PersonBalance label="Balance now" balance={balance.data} testId="credit-balance" /> : null}
            </div>
            <CreditFields
              amountLabel="Amount (€)"
              amountHint="Negative to take back."
              notePlaceholder="e.g. Team lunch"
              noteHint="Shown in their wallet history."
            />
          </CardContent>
          <CardFooter>
            <Button type="submit" isLoading={form.formState.isSubmitting}>
              Credit wallet
            </Button>
          </CardFooter>
        </form>
      </FormProvider>
    </Card>
  );
};

const BulkCreditFormSchema = z.object({
  departmentId: z.string().min(1, 'Choose a department'),
  payerId: z.string().min(1, 'Choose who pays'),
  amount: amountField(BulkCreditInputSchema.shape.amountCents, 'Enter an amount in euros, e.g. 10.00'),
  note: CreditInputSchema.shape.note.unwrap(),
});
type BulkCreditForm = z.infer<typeof BulkCreditFormSchema>;

const BulkCreditCard = () => {
  const queryClient = useQueryClient();
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const isAdmin = user?.role === 'admin';
  const departments = useDepartmentOptions(isAdmin);
  const [pending, setPending] = useState<BulkCreditForm | null>(null);
  const form = useForm({
    resolver: schemaResolver(BulkCreditFormSchema),
    defaultValues: { departmentId: isAdmin ? '' : (user?.departmentId ?? ''), payerId: '', amount: '', note: '' },
  });
  const { errors } = form.formState;
  const creditBulk = useMutation(
    trpc.wallet.creditBulk.mutationOptions({
      onSuccess: async (result) => {
        toast.success(
          `Credited ${result.userCount} ${result.userCount === 1 ? 'person' : 'people'}, ${formatMoney(result.totalCents)} in total.`,
        );
        setPending(null);
        form.reset({ ...form.getValues(), amount: '', note: '' });
        await queryClient.invalidateQueries(trpc.wallet.pathFilter());
      },
    }),
  );
  const departmentName = (id: string) =>
    id === WHOLE_COMPANY
      ? 'the whole company'
      : isAdmin
        ? `everyone in ${departments.options.find((option) => option.value === id)?.label ?? 'the department'}`
        : `every employee of ${user?.departmentName ?? 'your department'}`;

  return (
    <Card aria-labelledby="bulk-credit-title">
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void form.handleSubmit((values) => setPending(values))(event)}>
          <CardHeader>
            <CardTitle id="bulk-credit-title">Credit a whole team</CardTitle>
            <CardDescription>Every active person gets the same amount, in one go. Your own wallet is left out.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {isAdmin ? (
              <Field label="Who gets it" error={errors.departmentId?.message}>
                <Controller
                  control={form.control}
                  name="departmentId"
                  render={({ field }) => (
                    <Select
                      value={field.value || undefined}
                      onValueChange={field.onChange}
                      options={[{ value: WHOLE_COMPANY, label: 'Whole company' }, ...departments.options]}
                      placeholder={departments.isLoading ? 'Loading…' : 'Choose a department'}
                    />
                  )}
                />
              </Field>
            ) : (
              <div className="grid gap-1.5">
                <p className="text-sm font-medium text-zinc-900">Who gets it</p>
                <p className="rounded-lg bg-zinc-50 px-3.5 py-2.5 text-sm text-zinc-800">
                  Every employee of {user?.departmentName ?? 'your department'}
                </p>
              </div>
            )}
            <CreditFields amountLabel="Amount each (€)" notePlaceholder="e.g. Monthly lunch budget" />
          </CardContent>
          <CardFooter>
            <Button type="submit">Credit everyone…</Button>
          </CardFooter>
        </form>
      </FormProvider>
      <ConfirmDialog
        isOpen={pending !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen) {
            setPending(null);
            creditBulk.reset();
          }
        }}
        title="Credit everyone?"
        description={
          pending
            ? `${formatMoney(parseMoney(pending.amount) ?? 0)} goes to ${departmentName(pending.departmentId)}. Adjust one person at a time if it was a mistake.`
            : ''
        }
        confirmLabel="Credit everyone"
        confirmVariant="primary"
        onConfirm={() =>
          pending &&
          creditBulk.mutate({
            departmentId: pending.departmentId === WHOLE_COMPANY ? null : pending.departmentId,
            payerId: pending.payerId,
            amountCents: parseMoney(pending.amount) ?? 0,
            ...(pending.note ? { note: pending.note } : {}),
          })
        }
        isPending={creditBulk.isPending}
        error={creditBulk.error ? errorMessage(creditBulk.error) : null}
      />
    </Card>
  );
};
