import { ALLERGENS, type Allergen, DIETARY_TAGS, type DietaryTag } from '@canteen/shared/constants';
import { i18next } from './i18n';

/** Allergens by name in the language shown ("Tree nuts", "Schalenfrüchte"); call while rendering. */
export const allergenLabels = (): Record<Allergen, string> =>
  Object.fromEntries(ALLERGENS.map((allergen) => [allergen, i18next.t(`common:allergens.${allergen}`)])) as Record<
    Allergen,
    string
  >;

/** Dietary tags by name in the language shown ("Gluten-free", "Glutenfrei"); call while rendering. */
export const dietaryLabels = (): Record<DietaryTag, string> =>
  Object.fromEntries(DIETARY_TAGS.map((tag) => [tag, i18next.t(`common:dietary.${tag}`)])) as Record<DietaryTag, string>;
