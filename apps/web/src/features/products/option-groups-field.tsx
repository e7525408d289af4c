import {
  ALLERGENS,
  type Allergen,
  MAX_OPTION_GROUPS,
  MAX_OPTIONS_PER_GROUP,
  type OptionGroup,
  type OptionGroupInput,
  OptionGroupsInputSchema,
} from '@canteen/shared';
import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/button';
import { Checkbox, CheckboxGroup } from '../../components/checkbox';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { currencySymbol, formatMoney, parseMoney } from '../../lib/money';
import { allergenLabels } from '../../lib/product-labels';

/** An option as the form holds it: its price added as typed. */
export type OptionDraft = { id?: string; name: string; price: string; allergens: Allergen[]; isArchived: boolean };
export type GroupDraft = { id?: string; name: string; minChoices: string; maxChoices: string; options: OptionDraft[] };

const priceText = (cents: number): string => (cents === 0 ? '' : (cents / 100).toFixed(2));

/** A dish's groups as the form starts with them. */
export const toGroupDrafts = (groups: readonly OptionGroup[]): GroupDraft[] =>
  groups.map((group) => ({
    id: group.id,
    name: group.name,
    minChoices: String(group.minChoices),
    maxChoices: String(group.maxChoices),
    options: group.options.map((option) => ({
      id: option.id,
      name: option.name,
      price: priceText(option.priceDeltaCents),
      allergens: [...option.allergens],
      isArchived: option.isArchived,
    })),
  }));

/**
 * The drafts as the API takes them, checked by the same schema: the groups, or the first problem in plain words
 * (with where it is: "Side, option 2").
 */
export const fromGroupDrafts = (
  drafts: readonly GroupDraft[],
): { ok: true; groups: OptionGroupInput[] } | { ok: false; message: string; path: (string | number)[] } => {
  const candidate = drafts.map((group) => ({
    ...(group.id ? { id: group.id } : {}),
    name: group.name,
    minChoices: Number(group.minChoices),
    maxChoices: Number(group.maxChoices),
    options: group.options.map((option) => ({
      ...(option.id ? { id: option.id } : {}),
      name: option.name,
      priceDeltaCents: option.price.trim() === '' ? 0 : (parseMoney(option.price) ?? Number.NaN),
      allergens: option.allergens,
      isArchived: option.isArchived,
    })),
  }));
  const parsed = OptionGroupsInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, groups: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: issue.message, path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)) };
};

const emptyOption = (): OptionDraft => ({ name: '', price: '', allergens: [], isArchived: false });
const emptyGroup = (): GroupDraft => ({ name: '', minChoices: '0', maxChoices: '1', options: [emptyOption()] });

type OptionRowProps = {
  option: OptionDraft;
  label: string;
  onChange: (option: OptionDraft) => void;
  onRemove: () => void;
};

const OptionRow = ({ option, label, onChange, onRemove }: OptionRowProps) => {
  const { t } = useTranslation('products');
  const id = useId();
  const cents = option.price.trim() === '' ? 0 : parseMoney(option.price);
  return (
    <li className="grid gap-2 rounded-lg border border-zinc-200 p-3" aria-label={label}>
      <div className="grid grid-cols-[minmax(0,1fr)_7rem_auto] items-end gap-2">
        <Field label={t('options.optionName')}>
          <Input autoComplete="off" value={option.name} onChange={(event) => onChange({ ...option, name: event.target.value })} />
        </Field>
        <Field label={t('options.price', { currency: currencySymbol() })}>
          <Input
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={option.price}
            aria-invalid={cents === null}
            onChange={(event) => onChange({ ...option, price: event.target.value })}
          />
        </Field>
        <IconButton label={t('options.removeOption', { option: option.name || label })} icon={Trash2} onClick={onRemove} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <label htmlFor={`${id}-offered`} className="flex items-center gap-2 text-zinc-800">
          <Checkbox
            id={`${id}-offered`}
            checked={!option.isArchived}
            onCheckedChange={(state) => onChange({ ...option, isArchived: state !== true })}
          />
          {t('options.offered')}
        </label>
        {cents ? <span className="text-zinc-600">+{formatMoney(cents)}</span> : null}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-700">{t('options.allergens', { count: option.allergens.length })}</summary>
        <CheckboxGroup
          className="mt-2"
          legend={t('options.allergensOf', { option: option.name || label })}
          options={ALLERGENS}
          labels={allergenLabels()}
          value={option.allergens}
          onChange={(allergens) => onChange({ ...option, allergens })}
        />
      </details>
    </li>
  );
};

type GroupEditorProps = {
  group: GroupDraft;
  index: number;
  onChange: (group: GroupDraft) => void;
  onRemove: () => void;
};

const GroupEditor = ({ group, index, onChange, onRemove }: GroupEditorProps) => {
  const { t } = useTranslation('products');
  const title = group.name || t('options.untitled', { number: index + 1 });
  return (
    <fieldset className="grid gap-3 rounded-lg border border-zinc-300 p-3.5">
      <legend className="px-1 text-sm font-semibold text-zinc-900">{title}</legend>
      <div className="grid grid-cols-[minmax(0,1fr)_5.5rem_5.5rem_auto] items-end gap-2">
        <Field label={t('options.groupName')}>
          <Input
            autoComplete="off"
            placeholder={t('options.groupPlaceholder')}
            value={group.name}
            onChange={(event) => onChange({ ...group, name: event.target.value })}
          />
        </Field>
        <Field label={t('options.atLeast')}>
          <Input
            type="number"
            min={0}
            max={MAX_OPTIONS_PER_GROUP}
            value={group.minChoices}
            onChange={(event) => onChange({ ...group, minChoices: event.target.value })}
          />
        </Field>
        <Field label={t('options.atMost')}>
          <Input
            type="number"
            min={1}
            max={MAX_OPTIONS_PER_GROUP}
            value={group.maxChoices}
            onChange={(event) => onChange({ ...group, maxChoices: event.target.value })}
          />
        </Field>
        <IconButton label={t('options.removeGroup', { group: title })} icon={Trash2} onClick={onRemove} />
      </div>
      <p className="text-xs text-zinc-600">{t('options.groupHint')}</p>
      <ul className="grid gap-2">
        {group.options.map((option, position) => (
          <OptionRow
            // Drafts have no id until saved: their place is their identity while the form is open.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={option.id ?? `new-${position}`}
            option={option}
            label={t('options.optionLabel', { group: title, number: position + 1 })}
            onChange={(next) => onChange({ ...group, options: group.options.map((o, i) => (i === position ? next : o)) })}
            onRemove={() => onChange({ ...group, options: group.options.filter((_, i) => i !== position) })}
          />
        ))}
      </ul>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        className="justify-self-start"
        disabled={group.options.length >= MAX_OPTIONS_PER_GROUP}
        onClick={() => onChange({ ...group, options: [...group.options, emptyOption()] })}
      >
        <Plus aria-hidden />
        {t('options.addOption', { group: title })}
      </Button>
    </fieldset>
  );
};

type OptionGroupsFieldProps = { value: GroupDraft[]; onChange: (groups: GroupDraft[]) => void; error?: string | null };

/**
 * A dish's choices in the product form: groups ("Side: choose 1", "Extras: up to 3") of options, each with a price
 * on top of the dish's and its own allergens. An option taken off ("offered" unticked) stays known, so carts that
 * hold it get a clear answer.
 */
export const OptionGroupsField = ({ value, onChange, error }: OptionGroupsFieldProps) => {
  const { t } = useTranslation('products');
  return (
    <section aria-labelledby="product-options-title" className="grid gap-3">
      <div className="grid gap-0.5">
        <h3 id="product-options-title" className="text-sm font-medium text-zinc-900">
          {t('options.title')}
        </h3>
        <p className="text-xs text-zinc-600">{t('options.hint')}</p>
      </div>
      {value.map((group, index) => (
        <GroupEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: a new group has no id until saved
          key={group.id ?? `new-${index}`}
          group={group}
          index={index}
          onChange={(next) => onChange(value.map((g, i) => (i === index ? next : g)))}
          onRemove={() => onChange(value.filter((_, i) => i !== index))}
        />
      ))}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        size="sm"
        className="justify-self-start"
        disabled={value.length >= MAX_OPTION_GROUPS}
        onClick={() => onChange([...value, emptyGroup()])}
      >
        <Plus aria-hidden />
        {t('options.addGroup')}
      </Button>
    </section>
  );
};
