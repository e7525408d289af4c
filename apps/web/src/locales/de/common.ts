import type { common as en } from '../en/common';

export const common: typeof en = {
  allergens: {
    celery: 'Sellerie',
    gluten: 'Gluten',
    crustaceans: 'Krebstiere',
    eggs: 'Eier',
    fish: 'Fisch',
    lupin: 'Lupinen',
    milk: 'Milch',
    molluscs: 'Weichtiere',
    mustard: 'Senf',
    nuts: 'Schalenfrüchte',
    peanuts: 'Erdnüsse',
    sesame: 'Sesam',
    soy: 'Soja',
    sulphites: 'Sulfite',
  },
  dietary: {
    vegan: 'Vegan',
    vegetarian: 'Vegetarisch',
    pescatarian: 'Pescetarisch',
    gluten_free: 'Glutenfrei',
    dairy_free: 'Laktosefrei',
    halal: 'Halal',
    spicy: 'Scharf',
  },
  tryAgain: 'Erneut versuchen',
};
