import type { Allergen, OptionGroup, ProductDto } from '@canteen/shared';
import { MAX_KITCHEN_NOTE_LENGTH, lineAllergens, plainNote, resolveOptions } from '@canteen/shared';
import { Check, TriangleAlert } from 'lucide-react';
import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { type FormEvent, type ReactNode, createContext, useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money';
import { allergenLabels } from '../lib/product-labels';
import { cn } from '../lib/utils';
import { Button } from './button';
import { Checkbox } from './checkbox';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from './dialog';
import { Field } from './field';
import { QuantityStepper } from './quantity-stepper';
import { Textarea } from './textarea';

export type DishChoice = { optionIds: string[]; note: string | undefined; quantity: number };

type DishOptionsDialogProps = {
  product: Pick<ProductDto, 'id' | 'name' | 'priceCents' | 'allergens' | 'optionGroups'>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The most that may still be added (the per-dish cap, or what is left). */
  maxQuantity: number;
  /** The allergens the menu is filtered to be free from: options with them are marked. */
  avoid?: readonly Allergen[];
  onAdd: (choice: DishChoice) => void;
};

const OPTION_CLASSES =
  'flex w-full items-center gap-3 rounded-lg border border-zinc-300 bg-white px-3 py-2.5 text-left text-sm transition-colors hover:bg-zinc-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 data-[state=checked]:border-emerald-700 data-[state=checked]:bg-emerald-50';

/** What a group asks for: "Choose 1", "Choose up to 3", "Choose 1 to 2", "Optional". */
const ruleKey = (group: OptionGroup) => {
  if (group.minChoices === group.maxChoices) return 'options.rule.exactly' as const;
  return group.minChoices === 0 ? ('options.rule.upTo' as const) : ('options.rule.between' as const);
};

const OptionLabel = ({ option, avoided }: { option: OptionGroup['options'][number]; avoided: readonly Allergen[] }) => {
  const { t } = useTranslation('common');
  const labels = allergenLabels();
  const clash = option.allergens.filter((allergen) => avoided.includes(allergen));
  return (
    <span className="grid min-w-0 flex-1 gap-0.5">
      <span className="flex items-baseline justify-between gap-2">
        <span className="font-medium text-zinc-900">{option.name}</span>
        {option.priceDeltaCents > 0 ? (
          <span className="shrink-0 tabular-nums text-zinc-700">+{formatMoney(option.priceDeltaCents)}</span>
        ) : null}
      </span>
      {option.allergens.length ? (
        <span className={cn('text-xs', clash.length ? 'font-medium text-amber-800' : 'text-zinc-600')}>
          {clash.length ? <TriangleAlert aria-hidden className="mr-1 inline size-3" /> : null}
          {t('options.contains', { allergens: option.allergens.map((allergen) => labels[allergen]).join(', ') })}
        </span>
      ) : null}
    </span>
  );
};

type GroupProps = {
  group: OptionGroup;
  chosen: readonly string[];
  avoided: readonly Allergen[];
  onChange: (ids: string[]) => void;
};

/** Choose one: a radio group. Anything else: checkboxes, disabled past the most one may take. */
const OptionGroupField = ({ group, chosen, avoided, onChange }: GroupProps) => {
  const { t } = useTranslation('common');
  const id = useId();
  const offered = group.options.filter((option) => !option.isArchived);
  const picked = offered.filter((option) => chosen.includes(option.id)).map((option) => option.id);
  const legend = (
    <span className="flex items-baseline justify-between gap-2">
      <span id={`${id}-legend`} className="text-sm font-semibold text-zinc-900">
        {group.name}
      </span>
      <span id={`${id}-rule`} className="text-xs text-zinc-600">
        {group.minChoices > 0 ? `${t('options.required')} · ` : ''}
        {t(ruleKey(group), { count: group.maxChoices, min: group.minChoices, max: group.maxChoices })}
      </span>
    </span>
  );
  if (group.maxChoices === 1 && group.minChoices === 1) {
    return (
      <div className="grid gap-2">
        {legend}
        <RadioGroupPrimitive.Root
          aria-labelledby={`${id}-legend`}
          aria-describedby={`${id}-rule`}
          aria-required
          value={picked[0] ?? ''}
          onValueChange={(value) => onChange([value])}
          className="grid gap-2"
        >
          {offered.map((option) => (
            <RadioGroupPrimitive.Item key={option.id} value={option.id} className={OPTION_CLASSES}>
              <span
                aria-hidden
                className="flex size-4.5 shrink-0 items-center justify-center rounded-full border border-zinc-400 bg-white"
              >
                <RadioGroupPrimitive.Indicator className="size-2.5 rounded-full bg-emerald-700" />
              </span>
              <OptionLabel option={option} avoided={avoided} />
            </RadioGroupPrimitive.Item>
          ))}
        </RadioGroupPrimitive.Root>
      </div>
    );
  }
  const isFull = picked.length >= group.maxChoices;
  return (
    <fieldset className="grid gap-2" aria-describedby={`${id}-rule`}>
      <legend className="mb-2 w-full">{legend}</legend>
      {offered.map((option) => {
        const isChecked = picked.includes(option.id);
        return (
          <label key={option.id} className={cn(OPTION_CLASSES, isChecked && 'border-emerald-700 bg-emerald-50')}>
            <Checkbox
              checked={isChecked}
              disabled={!isChecked && isFull}
              onCheckedChange={(state) =>
                onChange(state === true ? [...picked, option.id] : picked.filter((optionId) => optionId !== option.id))
              }
            />
            <OptionLabel option={option} avoided={avoided} />
          </label>
        );
      })}
    </fieldset>
  );
};

/**
 * "Add to cart" for a dish with choices: its option groups (a required side, extras up to a maximum), a note for
 * the kitchen and how many, with the price as chosen. The shared rule (`resolveOptions`) decides when the choice
 * is complete, as the API will when the order is placed.
 */
export const DishOptionsDialog = ({ product, open, onOpenChange, maxQuantity, avoid = [], onAdd }: DishOptionsDialogProps) => {
  const { t } = useTranslation('common');
  const labels = allergenLabels();
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [note, setNote] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [isTried, setIsTried] = useState(false);
  const optionIds = product.optionGroups.flatMap((group) => chosen[group.id] ?? []);
  const resolved = resolveOptions(product.optionGroups, optionIds);
  const unitCents = product.priceCents + (resolved.ok ? resolved.deltaCents : 0);
  const allergens = lineAllergens(product.allergens, resolved.ok ? resolved.chosen : []);
  const reset = () => {
    setChosen({});
    setNote('');
    setQuantity(1);
    setIsTried(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsTried(true);
    if (!resolved.ok || maxQuantity < 1) return;
    onAdd({ optionIds: [...optionIds].sort(), note: plainNote(note) || undefined, quantity: Math.min(quantity, maxQuantity) });
    reset();
    onOpenChange(false);
  };
  const missing = !resolved.ok && resolved.reason === 'OPTION_CHOICE_INVALID' ? resolved.groupName : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('options.title', { dish: product.name })}</DialogTitle>
          <DialogDescription>{t('options.description')}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-5" noValidate>
          {product.optionGroups.map((group) => (
            <OptionGroupField
              key={group.id}
              group={group}
              chosen={chosen[group.id] ?? []}
              avoided={avoid}
              onChange={(ids) => setChosen((current) => ({ ...current, [group.id]: ids }))}
            />
          ))}
          <Field label={t('options.note')} hint={t('options.noteHint', { count: MAX_KITCHEN_NOTE_LENGTH })}>
            <Textarea
              rows={2}
              maxLength={MAX_KITCHEN_NOTE_LENGTH}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              placeholder={t('options.notePlaceholder')}
            />
          </Field>
          {allergens.length ? (
            <p className="text-xs text-zinc-600">
              {t('options.contains', { allergens: allergens.map((allergen) => labels[allergen]).join(', ') })}
            </p>
          ) : null}
          {isTried && missing ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {t('options.missing', { group: missing })}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 pt-4">
            <QuantityStepper
              itemName={product.name}
              value={quantity}
              onChange={setQuantity}
              min={1}
              max={Math.max(1, maxQuantity)}
            />
            <Button type="submit" disabled={maxQuantity < 1}>
              <Check aria-hidden />
              {t('options.add', { price: formatMoney(unitCents * quantity) })}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
};

type ChoiceRequest = Omit<DishOptionsDialogProps, 'open' | 'onOpenChange'>;

const ChoiceContext = createContext<((request: ChoiceRequest) => void) | null>(null);

/**
 * One options dialog for a page of dishes, held above the list: a dish's card may re-render or remount while the
 * list refreshes (a search settling, a live stock change), and the person's choice must not vanish with it.
 */
export const DishChoiceProvider = ({ children }: { children: ReactNode }) => {
  const [request, setRequest] = useState<ChoiceRequest | null>(null);
  return (
    <ChoiceContext.Provider value={setRequest}>
      {children}
      {request ? (
        <DishOptionsDialog key={request.product.id} open onOpenChange={(isOpen) => !isOpen && setRequest(null)} {...request} />
      ) : null}
    </ChoiceContext.Provider>
  );
};

/** Opens the page's options dialog for a dish; null outside a `DishChoiceProvider`. */
export const useDishChoice = () => useContext(ChoiceContext);
