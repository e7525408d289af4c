/**
 * English texts shared by several screens and the components in components/; locales/de/common.ts has the same
 * keys in German.
 */
export const common = {
  allergens: {
    celery: 'Celery',
    gluten: 'Gluten',
    crustaceans: 'Crustaceans',
    eggs: 'Eggs',
    fish: 'Fish',
    lupin: 'Lupin',
    milk: 'Milk',
    molluscs: 'Molluscs',
    mustard: 'Mustard',
    nuts: 'Tree nuts',
    peanuts: 'Peanuts',
    sesame: 'Sesame',
    soy: 'Soy',
    sulphites: 'Sulphites',
  },
  dietary: {
    vegan: 'Vegan',
    vegetarian: 'Vegetarian',
    pescatarian: 'Pescatarian',
    gluten_free: 'Gluten-free',
    dairy_free: 'Dairy-free',
    halal: 'Halal',
    spicy: 'Spicy',
  },
  tryAgain: 'Try again',
};
