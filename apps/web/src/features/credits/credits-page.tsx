import { BulkCreditInputSchema, CreditInputSchema, type SessionUser, type UserDto, canActOn } from '@canteen/shared';
import { MAX_PAGE_SIZE } from '@canteen/shared/constants';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { formatNumber } from '../../lib/format';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { i18next } from '../../lib/i18n';
import { currencySymbol, formatMoney, formatSignedMoney, parseMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { useDepartmentOptions } from '../../lib/use-department-options';
import { usePersonBalance } from '../../lib/use-person-balance';
import { usePayerOptions } from './use-payer-options';

const WHOLE_COMPANY = 'company';

/** An amount typed in euros that the API's amount field accepts once it is in cents; `message` is asked when shown. */
const amountField = (cents: z.ZodType<number>, message: () => string) =>
  z.string().refine((text) => cents.safeParse(parseMoney(text)).success, { error: message });

/** "Choose who pays", in the language shown when the form is checked. */
const payerIdField = () => z.string().min(1, { error: () => i18next.t('credits:validation.payerRequired') });

export const CreditsPage = () => {
  const { t } = useTranslation('credits');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <SingleCreditCard />
        <BulkCreditCard />
      </div>
    </>
  );
};

/** The fields both credit forms have (inside their FormProvider). */
type CreditFieldValues = { payerId: string; amount: string; note: string };

type CreditFieldsProps = { amountLabel: string; amountHint?: string; notePlaceholder: string; noteHint?: string };

/**
 * Which payer the money comes from (among those the signed-in person may use), how much and a note: the part
 * of crediting one person and crediting a team that is the same.
 */
const CreditFields = ({ amountLabel, amountHint, notePlaceholder, noteHint }: CreditFieldsProps) => {
  const { t } = useTranslation('credits');
  const { control, register, formState } = useFormContext<CreditFieldValues>();
  const { field: payer } = useController({ control, name: 'payerId' });
  const payers = usePayerOptions();
  const { errors } = formState;
  return (
    <>
      <Field label={t('fields.paidBy')} error={errors.payerId?.message}>
        <Select
          value={payer.value || undefined}
          onValueChange={payer.onChange}
          options={payers.options}
          placeholder={payers.isLoading ? t('fields.loading') : t('fields.choosePayer')}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <Field label={amountLabel} error={errors.amount?.message} hint={amountHint}>
          <Input inputMode="decimal" autoComplete="off" placeholder={t('fields.amountPlaceholder')} {...register('amount')} />
        </Field>
        <Field label={t('fields.note')} error={errors.note?.message} hint={noteHint}>
          <Input autoComplete="off" placeholder={notePlaceholder} {...register('note')} />
        </Field>
      </div>
    </>
  );
};

const SingleCreditFormSchema = z.object({
  payerId: payerIdField(),
  amount: amountField(CreditInputSchema.shape.amountCents, () => i18next.t('credits:validation.singleAmount')),
  note: CreditInputSchema.shape.note.unwrap(),
});

const SingleCreditCard = () => {
  const { t } = useTranslation('credits');
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<UserDto | null>(null);
  const [personError, setPersonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const balance = usePersonBalance(person);
  const form = useForm({
    resolver: schemaResolver(SingleCreditFormSchema),
    defaultValues: { payerId: '', amount: '', note: '' },
    // After the first try, a field's message goes as soon as the field is right.
    reValidateMode: 'onChange',
  });
  const credit = useMutation(trpc.wallet.credit.mutationOptions());

  const send = form.handleSubmit(async ({ payerId, amount, note }) => {
    setFormError(null);
    if (!person) return;
    const amountCents = parseMoney(amount) ?? 0;
    try {
      const result = await credit.mutateAsync({ userId: person.id, payerId, amountCents, ...(note ? { note } : {}) });
      queryClient.setQueryData(trpc.wallet.balance.queryKey({ userId: person.id }), result.balance);
      toast.success(
        t(amountCents > 0 ? 'single.credited' : 'single.adjusted', {
          amount: formatSignedMoney(amountCents),
          name: person.name,
          balance: formatMoney(result.balance.totalCents),
        }),
      );
      form.reset({ payerId, amount: '', note: '' });
      await queryClient.invalidateQueries(trpc.wallet.pathFilter());
    } catch (caught) {
      if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });
  // Who gets it is checked with the other fields, so every message shows at once.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!person) setPersonError(t('validation.personRequired'));
    void send(event);
  };

  return (
    <Card aria-labelledby="single-credit-title">
      <FormProvider {...form}>
        <form noValidate onSubmit={onSubmit}>
          <CardHeader>
            <CardTitle id="single-credit-title">{t('single.title')}</CardTitle>
            <CardDescription>{t('single.description')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {formError ? <Alert>{formError}</Alert> : null}
            <div className="grid gap-1.5">
              <EmployeePicker
                label={t('single.who')}
                value={person}
                onChange={(next) => {
                  setPerson(next);
                  setPersonError(undefined);
                }}
              />
              {personError ? <p className="text-sm text-red-700">{personError}</p> : null}
              {person ? <PersonBalance label={t('single.balanceNow')} balance={balance.data} testId="credit-balance" /> : null}
            </div>
            <CreditFields
              amountLabel={t('single.amount', { currency: currencySymbol() })}
              amountHint={t('single.amountHint')}
              notePlaceholder={t('single.notePlaceholder')}
              noteHint={t('single.noteHint')}
            />
          </CardContent>
          <CardFooter>
            <Button type="submit" isLoading={form.formState.isSubmitting}>
              {t('single.submit')}
            </Button>
          </CardFooter>
        </form>
      </FormProvider>
    </Card>
  );
};

const BulkCreditFormSchema = z.object({
  departmentId: z.string().min(1, { error: () => i18next.t('credits:validation.departmentRequired') }),
  payerId: payerIdField(),
  amount: amountField(BulkCreditInputSchema.shape.amountCents, () => i18next.t('credits:validation.bulkAmount')),
  note: CreditInputSchema.shape.note.unwrap(),
});
type BulkCreditForm = z.infer<typeof BulkCreditFormSchema>;

/**
 * How many people a bulk credit reaches, picked as the API picks them (wallet.creditBulk): the active people of the
 * department (or, for an admin, of the company) whom the one crediting may move money for, never themself. The
 * list has no count, so its pages of the largest size are walked: a few requests for a company of hundreds.
 */
const useRecipientCount = (me: SessionUser | null, departmentId: string | null | undefined) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['credits', 'bulk-recipients', me?.id, departmentId],
    enabled: me !== null && departmentId !== undefined,
    // Counted afresh for every confirmation: people join, leave and move.
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      let count = 0;
      let cursor: string | null = null;
      do {
        const page: { items: UserDto[]; nextCursor: string | null } = await queryClient.fetchQuery({
          ...trpc.user.list.queryOptions({
            limit: MAX_PAGE_SIZE,
            cursor,
            isActive: true,
            ...(departmentId ? { departmentId } : {}),
            ...(me?.role === 'admin' ? {} : { role: 'employee' as const }),
          }),
          staleTime: 0,
        });
        count += me ? page.items.filter((person) => canActOn(me, person, 'money')).length : 0;
        cursor = page.nextCursor;
      } while (cursor !== null);
      return count;
    },
  });
};

const BulkCreditCard = () => {
  const { t } = useTranslation('credits');
  const queryClient = useQueryClient();
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const isAdmin = user?.role === 'admin';
  const ownDepartment = user?.departmentName ?? null;
  const departments = useDepartmentOptions(isAdmin);
  const [pending, setPending] = useState<BulkCreditForm | null>(null);
  const form = useForm({
    resolver: schemaResolver(BulkCreditFormSchema),
    defaultValues: { departmentId: isAdmin ? '' : (user?.departmentId ?? ''), payerId: '', amount: '', note: '' },
    reValidateMode: 'onChange',
  });
  const { errors } = form.formState;
  const recipientCount = useRecipientCount(
    user,
    pending ? (pending.departmentId === WHOLE_COMPANY ? null : pending.departmentId) : undefined,
  );
  const creditBulk = useMutation(
    trpc.wallet.creditBulk.mutationOptions({
      onSuccess: async (result) => {
        toast.success(
          t('bulk.credited', {
            count: result.userCount,
            number: formatNumber(result.userCount),
            total: formatMoney(result.totalCents),
          }),
        );
        setPending(null);
        form.reset({ ...form.getValues(), amount: '', note: '' });
        await queryClient.invalidateQueries(trpc.wallet.pathFilter());
      },
    }),
  );
  const recipients = (id: string): string => {
    if (id === WHOLE_COMPANY) return t('bulk.recipients.company');
    if (isAdmin) {
      const department = departments.options.find((option) => option.value === id)?.label;
      return department === undefined ? t('bulk.recipients.unknownDepartment') : t('bulk.recipients.department', { department });
    }
    return ownDepartment === null ? t('bulk.recipients.ownUnknown') : t('bulk.recipients.own', { department: ownDepartment });
  };

  /** "€20.00 goes to everyone in Engineering (14 people): €280.00 in all." once the people are counted. */
  const confirmDescription = (values: BulkCreditForm): string => {
    const amountCents = parseMoney(values.amount) ?? 0;
    const words = { amount: formatMoney(amountCents), recipients: recipients(values.departmentId) };
    const count = recipientCount.data;
    if (count === undefined)
      return recipientCount.isError ? t('bulk.confirm.uncounted', words) : t('bulk.confirm.counting', words);
    if (count === 0) return t('bulk.confirm.nobody');
    return t('bulk.confirm.description', {
      ...words,
      count,
      number: formatNumber(count),
      total: formatMoney(amountCents * count),
    });
  };

  return (
    <Card aria-labelledby="bulk-credit-title">
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => void form.handleSubmit((values) => setPending(values))(event)}>
          <CardHeader>
            <CardTitle id="bulk-credit-title">{t('bulk.title')}</CardTitle>
            <CardDescription>{t('bulk.description')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {isAdmin ? (
              <Field label={t('bulk.who')} error={errors.departmentId?.message}>
                <Controller
                  control={form.control}
                  name="departmentId"
                  render={({ field }) => (
                    <Select
                      value={field.value || undefined}
                      onValueChange={field.onChange}
                      options={[{ value: WHOLE_COMPANY, label: t('bulk.wholeCompany') }, ...departments.options]}
                      placeholder={departments.isLoading ? t('fields.loading') : t('bulk.chooseDepartment')}
                    />
                  )}
                />
              </Field>
            ) : (
              <div className="grid gap-1.5">
                <p className="text-sm font-medium text-zinc-900">{t('bulk.who')}</p>
                <p className="rounded-lg bg-zinc-50 px-3.5 py-2.5 text-sm text-zinc-800">
                  {ownDepartment === null
                    ? t('bulk.everyEmployeeOfYours')
                    : t('bulk.everyEmployeeOf', { department: ownDepartment })}
                </p>
              </div>
            )}
            <CreditFields
              amountLabel={t('bulk.amount', { currency: currencySymbol() })}
              notePlaceholder={t('bulk.notePlaceholder')}
            />
          </CardContent>
          <CardFooter>
            <Button type="submit">{t('bulk.submit')}</Button>
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
        title={t('bulk.confirm.title')}
        description={pending ? confirmDescription(pending) : ''}
        confirmLabel={t('bulk.confirm.button')}
        confirmVariant="primary"
        // Only once it is known how many people get it, and when there is anyone.
        isConfirmDisabled={!recipientCount.data}
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
        error={
          creditBulk.error ? errorMessage(creditBulk.error) : recipientCount.error ? errorMessage(recipientCount.error) : null
        }
      />
    </Card>
  );
};
