import { z } from 'zod';
import { IdSchema, TextSchema } from './common';
import { ALLERGENS, type Allergen, MAX_PRICE_CENTS } from './constants';

/**
 * Dish options (docs/PRODUCT.md § Options and notes): a dish has option groups ("Side: fries or salad, choose one";
 * "Extras: up to 3"), each option with a price on top of the dish's and its own allergens. An order line carries
 * the options chosen, priced and named as they were, like the dish's own price. Pure rules, shared by the API
 * (which enforces them when an order is placed) and the web (the add-to-cart dialog and its live price).
 */

export const MAX_OPTION_GROUPS = 8;
export const MAX_OPTIONS_PER_GROUP = 20;
export const MAX_OPTION_NAME_LENGTH = 60;
/** The most one option adds to a dish's price. */
export const MAX_OPTION_DELTA_CENTS = Math.min(MAX_PRICE_CENTS, 10_000);
/** A note for the kitchen on one line ("no onions, please"). */
export const MAX_KITCHEN_NOTE_LENGTH = 140;

const OptionAllergenSchema = z.enum(ALLERGENS);

export const DishOptionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  priceDeltaCents: z.number().int(),
  allergens: z.array(OptionAllergenSchema),
  /** Kept so old carts and receipts still resolve, but no longer offered. */
  isArchived: z.boolean(),
});
export type DishOption = z.infer<typeof DishOptionSchema>;

export const OptionGroupSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** At least this many options of the group (1: a required choice). */
  minChoices: z.number().int(),
  /** At most this many (1: choose one). */
  maxChoices: z.number().int(),
  options: z.array(DishOptionSchema),
});
export type OptionGroup = z.infer<typeof OptionGroupSchema>;

const OptionNameSchema = TextSchema.trim().min(1).max(MAX_OPTION_NAME_LENGTH);

/** A group as a manager writes it: ids are kept for the options that already have one, new ones get theirs. */
export const OptionGroupInputSchema = z
  .object({
    id: IdSchema.optional(),
    name: OptionNameSchema,
    minChoices: z.number().int().min(0).max(MAX_OPTIONS_PER_GROUP),
    maxChoices: z.number().int().min(1).max(MAX_OPTIONS_PER_GROUP),
    options: z
      .array(
        z.object({
          id: IdSchema.optional(),
          name: OptionNameSchema,
          priceDeltaCents: z.number().int().min(0).max(MAX_OPTION_DELTA_CENTS),
          allergens: z
            .array(OptionAllergenSchema)
            .max(ALLERGENS.length)
            .transform((list) => [...new Set(list)]),
          isArchived: z.boolean().default(false),
        }),
      )
      .min(1, 'A group needs at least one option')
      .max(MAX_OPTIONS_PER_GROUP),
  })
  .refine((group) => group.minChoices <= group.maxChoices, {
    message: 'The least to choose cannot be more than the most',
    path: ['minChoices'],
  })
  .refine((group) => group.minChoices <= group.options.filter((option) => !option.isArchived).length, {
    message: 'More choices are required than there are options to choose from',
    path: ['minChoices'],
  })
  .refine((group) => new Set(group.options.map((option) => option.name.toLowerCase())).size === group.options.length, {
    message: 'Two options of a group have the same name',
    path: ['options'],
  });
export type OptionGroupInput = z.infer<typeof OptionGroupInputSchema>;

export const OptionGroupsInputSchema = z
  .array(OptionGroupInputSchema)
  .max(MAX_OPTION_GROUPS)
  .refine((groups) => new Set(groups.map((group) => group.name.toLowerCase())).size === groups.length, {
    message: 'Two groups have the same name',
  });

/**
 * What a person chose on a line: option ids, each at most once, in a fixed order (so the same choice is the same
 * line, however it was clicked).
 */
export const OptionIdsSchema = z
  .array(IdSchema)
  .max(MAX_OPTION_GROUPS * MAX_OPTIONS_PER_GROUP)
  .transform((ids) => [...new Set(ids)].sort());

/** Control characters and the direction overrides that could make a note read differently on the kitchen screen. */
const INVISIBLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** A note as it is kept: one line, single spaces, no control or direction-override characters ('' for none). */
export const plainNote = (text: string): string => text.replace(/\s+/g, ' ').replace(INVISIBLE, '').trim();

/**
 * A note for the kitchen: plain text on one line (line breaks and runs of spaces become one space, control and
 * direction-override characters are dropped), at most `MAX_KITCHEN_NOTE_LENGTH`. Empty means none. It is only
 * ever shown as text.
 */
export const KitchenNoteSchema = TextSchema.transform((text) => plainNote(text))
  .pipe(z.string().max(MAX_KITCHEN_NOTE_LENGTH, `A note can be at most ${MAX_KITCHEN_NOTE_LENGTH} characters`))
  .transform((text) => (text === '' ? undefined : text));

/** An option as an order line keeps it: named and priced as it was when ordered. */
export const ChosenOptionSchema = z.object({
  id: IdSchema,
  groupName: z.string(),
  name: z.string(),
  priceDeltaCents: z.number().int(),
});
export type ChosenOption = z.infer<typeof ChosenOptionSchema>;

export type OptionRefusal =
  | { reason: 'OPTION_UNAVAILABLE' }
  | { reason: 'OPTION_CHOICE_INVALID'; groupName: string; minChoices: number; maxChoices: number };

export type ResolvedOptions = {
  chosen: (ChosenOption & { allergens: Allergen[] })[];
  /** What the options add to the dish's price, per piece. */
  deltaCents: number;
};

/**
 * Checks a choice against a dish's groups: every id is an option of the dish still offered, and each group has
 * between its least and most choices. The options come back in the groups' order, with what they add.
 */
export const resolveOptions = (
  groups: readonly OptionGroup[],
  optionIds: readonly string[],
): ({ ok: true } & ResolvedOptions) | ({ ok: false } & OptionRefusal) => {
  const wanted = new Set(optionIds);
  const offered = new Set(groups.flatMap((group) => group.options.filter((option) => !option.isArchived).map((o) => o.id)));
  for (const id of wanted) if (!offered.has(id)) return { ok: false, reason: 'OPTION_UNAVAILABLE' };
  const chosen: ResolvedOptions['chosen'] = [];
  for (const group of groups) {
    const picked = group.options.filter((option) => wanted.has(option.id));
    if (picked.length < group.minChoices || picked.length > group.maxChoices) {
      const { name: groupName, minChoices, maxChoices } = group;
      return { ok: false, reason: 'OPTION_CHOICE_INVALID', groupName, minChoices, maxChoices };
    }
    for (const option of picked) {
      chosen.push({
        id: option.id,
        groupName: group.name,
        name: option.name,
        priceDeltaCents: option.priceDeltaCents,
        allergens: option.allergens,
      });
    }
  }
  return { ok: true, chosen, deltaCents: chosen.reduce((sum, option) => sum + option.priceDeltaCents, 0) };
};

/** A line's allergens: the dish's and those of every option chosen, once each, in the list's order. */
export const lineAllergens = (dish: readonly Allergen[], options: readonly { allergens: readonly Allergen[] }[]): Allergen[] => {
  const present = new Set<Allergen>([...dish, ...options.flatMap((option) => option.allergens)]);
  return ALLERGENS.filter((allergen) => present.has(allergen));
};

/**
 * Whether a dish can be ordered free from `allergens`: the dish itself is, and every group that requires a choice
 * has enough options still offered without them. The menu's "free from" filter keeps exactly these dishes (the
 * API's query says the same in SQL), and the add-to-cart dialog then marks the options that contain them.
 */
export const canBeFreeFrom = (
  dish: { allergens: readonly Allergen[]; optionGroups: readonly OptionGroup[] },
  allergens: readonly Allergen[],
): boolean => {
  const avoided = new Set(allergens);
  if (dish.allergens.some((allergen) => avoided.has(allergen))) return false;
  return dish.optionGroups.every(
    (group) =>
      group.options.filter((option) => !option.isArchived && !option.allergens.some((allergen) => avoided.has(allergen)))
        .length >= group.minChoices,
  );
};

/** Whether adding the dish asks for choices first: it has a group with an option still offered. */
export const offersChoices = (groups: readonly OptionGroup[]): boolean =>
  groups.some((group) => group.options.some((option) => !option.isArchived));
