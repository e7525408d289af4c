/**
 * Static seed data for the canteen menu: categories and products.
 *
 * Allergens follow the EU-14 list (Regulation (EU) No 1169/2011, Annex II).
 * Notes on less obvious choices:
 * - Oats count as a gluten-containing cereal, so oat drink and oat-based items carry `gluten`.
 * - Pine nuts are not an EU "nut"; pesto here is made with cashews, hence `nuts`.
 * - Mayonnaise is made with egg yolk and mustard, hence `eggs` + `mustard`.
 * - Vegetable and meat stocks are made with celery, hence `celery` where a stock is used.
 * - Fries and sweet potato fries are cooked in a dedicated fryer (no batter or breadcrumbs).
 */

export type MenuCategorySeed = { slug: string; name: string; sortOrder: number };

export type MenuProductSeed = {
  name: string;
  description: string;
  category: string;
  priceCents: number;
  allergens: Allergen[];
  dietaryTags: DietaryTag[];
  stock: number | null;
  /** Choices on the dish (ids are given when seeding). */
  optionGroups?: OptionGroupSeed[];
};

export type OptionGroupSeed = {
  name: string;
  minChoices: number;
  maxChoices: number;
  options: { name: string; priceDeltaCents: number; allergens: Allergen[] }[];
};

export type Allergen =
  | 'celery'
  | 'gluten'
  | 'crustaceans'
  | 'eggs'
  | 'fish'
  | 'lupin'
  | 'milk'
  | 'molluscs'
  | 'mustard'
  | 'nuts'
  | 'peanuts'
  | 'sesame'
  | 'soy'
  | 'sulphites';

export type DietaryTag = 'vegan' | 'vegetarian' | 'pescatarian' | 'gluten_free' | 'dairy_free' | 'halal' | 'spicy';

export const MENU_CATEGORIES: MenuCategorySeed[] = [
  { slug: 'mains', name: 'Mains', sortOrder: 1 },
  { slug: 'soups', name: 'Soups', sortOrder: 2 },
  { slug: 'salads', name: 'Salads & Bowls', sortOrder: 3 },
  { slug: 'sandwiches', name: 'Sandwiches & Wraps', sortOrder: 4 },
  { slug: 'sides', name: 'Sides', sortOrder: 5 },
  { slug: 'desserts', name: 'Desserts', sortOrder: 6 },
  { slug: 'drinks', name: 'Drinks', sortOrder: 7 },
  { slug: 'snacks', name: 'Snacks', sortOrder: 8 },
];

export const MENU_PRODUCTS: MenuProductSeed[] = [
  // ---------------------------------------------------------------- Mains (16)
  {
    name: 'Chicken Tikka Masala with Basmati Rice',
    description:
      'Yoghurt-marinated chicken thigh in a spiced tomato and cream sauce with garam masala and ginger, served with steamed basmati rice.',
    category: 'mains',
    priceCents: 890,
    allergens: ['milk'],
    dietaryTags: ['gluten_free', 'halal', 'spicy'],
    stock: null,
  },
  {
    name: 'Beef Lasagne al Forno',
    description:
      'Layers of fresh egg pasta, slow-cooked beef and red wine ragù with celery and carrot, creamy béchamel and a golden Parmesan crust.',
    category: 'mains',
    priceCents: 920,
    allergens: ['gluten', 'eggs', 'milk', 'celery', 'sulphites'],
    dietaryTags: [],
    stock: null,
  },
  {
    name: 'Wiener Schnitzel with Austrian Potato Salad',
    description:
      'Breaded veal escalope fried in clarified butter, served with lemon and a potato salad dressed with vinegar, mustard and chives.',
    category: 'mains',
    priceCents: 1150,
    allergens: ['gluten', 'eggs', 'milk', 'mustard'],
    dietaryTags: [],
    stock: null,
  },
  {
    name: 'Käsespätzle with Crispy Onions',
    description:
      'Swabian egg noodles tossed with melted Emmental and butter, topped with crispy fried onions and chives, a classic Alpine comfort dish.',
    category: 'mains',
    priceCents: 790,
    allergens: ['gluten', 'eggs', 'milk'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },
  {
    name: 'Thai Green Chicken Curry with Jasmine Rice',
    description:
      'Chicken and bamboo shoots simmered in coconut milk with green curry paste (with shrimp paste), fish sauce and Thai basil, with jasmine rice.',
    category: 'mains',
    priceCents: 880,
    allergens: ['fish', 'crustaceans'],
    dietaryTags: ['gluten_free', 'dairy_free', 'spicy'],
    stock: null,
  },
  {
    name: 'Thai Red Curry with Tofu and Vegetables',
    description:
      'Crispy tofu, aubergine, peppers and green beans in a coconut milk sauce made with vegan red curry paste, served with jasmine rice.',
    category: 'mains',
    priceCents: 790,
    allergens: ['soy'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free', 'spicy'],
    stock: null,
  },
  {
    name: 'Seafood Paella with Prawns and Mussels',
    description:
      'Saffron rice cooked in fish stock and white wine with king prawns, mussels, squid rings, peppers and peas, finished with lemon.',
    category: 'mains',
    priceCents: 1150,
    allergens: ['fish', 'crustaceans', 'molluscs', 'sulphites'],
    dietaryTags: ['pescatarian', 'gluten_free', 'dairy_free'],
    stock: 20,
  },
  {
    name: 'Lamb Kofta with Bulgur Pilaf and Tzatziki',
    description:
      'Grilled lamb kofta spiced with cumin, coriander and mint, served with bulgur wheat pilaf, tzatziki made with yoghurt and a tomato salad.',
    category: 'mains',
    priceCents: 1090,
    allergens: ['gluten', 'milk'],
    dietaryTags: ['halal'],
    stock: null,
  },
  {
    name: 'Baked Salmon with Lemon Dill Sauce and New Potatoes',
    description: 'Oven-baked salmon fillet with a lemon, dill and cream sauce, buttered new potatoes and steamed green beans.',
    category: 'mains',
    priceCents: 1120,
    allergens: ['fish', 'milk'],
    dietaryTags: ['pescatarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Beer-Battered Fish and Chips',
    description:
      'Cod fillet in a crisp wheat flour and beer batter with chunky chips, minted mushy peas and tartare sauce made with mayonnaise and capers.',
    category: 'mains',
    priceCents: 990,
    allergens: ['fish', 'gluten', 'eggs', 'mustard'],
    dietaryTags: ['pescatarian', 'dairy_free'],
    stock: null,
    optionGroups: [
      {
        name: 'Side',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { name: 'Chunky chips', priceDeltaCents: 0, allergens: [] },
          { name: 'Side salad', priceDeltaCents: 0, allergens: ['mustard'] },
          { name: 'Minted mushy peas', priceDeltaCents: 0, allergens: [] },
        ],
      },
    ],
  },
  {
    name: 'Chicken Teriyaki Donburi',
    description:
      'Grilled chicken thigh glazed with soy sauce and mirin teriyaki over steamed rice, with pak choi, spring onions and toasted sesame seeds.',
    category: 'mains',
    priceCents: 920,
    allergens: ['soy', 'gluten', 'sesame'],
    dietaryTags: ['dairy_free'],
    stock: null,
    optionGroups: [
      {
        name: 'Extras',
        minChoices: 0,
        maxChoices: 3,
        options: [
          { name: 'Soft-boiled egg', priceDeltaCents: 80, allergens: ['eggs'] },
          { name: 'Extra chicken', priceDeltaCents: 220, allergens: [] },
          { name: 'Kimchi', priceDeltaCents: 60, allergens: ['crustaceans'] },
        ],
      },
    ],
  },
  {
    name: 'Wild Mushroom Risotto',
    description:
      'Creamy arborio rice cooked in vegetable stock and white wine with wild mushrooms, butter, thyme and vegetarian Italian hard cheese.',
    category: 'mains',
    priceCents: 860,
    allergens: ['milk', 'celery', 'sulphites'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Coq au Vin with Mashed Potatoes',
    description:
      'Chicken braised in red wine and stock with bacon lardons, mushrooms and pearl onions, served with creamy butter and milk mash.',
    category: 'mains',
    priceCents: 1050,
    allergens: ['sulphites', 'celery', 'gluten', 'milk'],
    dietaryTags: [],
    stock: null,
  },
  {
    name: 'Falafel Plate with Hummus and Tabbouleh',
    description:
      'Crispy chickpea and herb falafel with tahini hummus, bulgur tabbouleh with parsley and mint, pickled turnips and a lemon wedge.',
    category: 'mains',
    priceCents: 820,
    allergens: ['sesame', 'gluten'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free'],
    stock: null,
  },
  {
    name: "Penne all'Arrabbiata",
    description:
      'Durum wheat penne in a fiery sauce of San Marzano tomatoes, garlic, red chilli and olive oil, finished with fresh flat-leaf parsley.',
    category: 'mains',
    priceCents: 690,
    allergens: ['gluten'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'spicy'],
    stock: null,
  },
  {
    name: 'Chicken Katsu Curry',
    description:
      'Panko-crumbed chicken breast with a mild Japanese curry sauce thickened with wheat flour and soy sauce, served with rice and pickles.',
    category: 'mains',
    priceCents: 950,
    allergens: ['gluten', 'eggs', 'soy'],
    dietaryTags: ['dairy_free'],
    stock: null,
  },

  // ---------------------------------------------------------------- Soups (8)
  {
    name: 'Tomato and Basil Soup',
    description:
      'Slow-roasted tomatoes blended with vegetable stock, garlic, fresh basil and a drizzle of extra virgin olive oil.',
    category: 'soups',
    priceCents: 390,
    allergens: ['celery'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Cream of Mushroom Soup',
    description:
      'Chestnut mushrooms, onion and thyme cooked in vegetable stock, thickened with a butter and flour roux and finished with cream.',
    category: 'soups',
    priceCents: 420,
    allergens: ['milk', 'gluten', 'celery'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },
  {
    name: 'Minestrone with Ditalini',
    description:
      'Hearty Italian vegetable soup with celery, carrot, courgette, borlotti beans and small ditalini pasta in a tomato broth.',
    category: 'soups',
    priceCents: 420,
    allergens: ['celery', 'gluten'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free'],
    stock: null,
  },
  {
    name: 'Tom Kha Gai',
    description:
      'Thai chicken and coconut milk soup with galangal, lemongrass, kaffir lime leaves, mushrooms, fish sauce and fresh chilli.',
    category: 'soups',
    priceCents: 520,
    allergens: ['fish'],
    dietaryTags: ['gluten_free', 'dairy_free', 'halal', 'spicy'],
    stock: null,
  },
  {
    name: 'Red Lentil Dal Soup',
    description:
      'Red lentils simmered with coconut milk, tomato, ginger, turmeric and cumin, tempered with black mustard seeds and curry leaves.',
    category: 'soups',
    priceCents: 380,
    allergens: ['mustard'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'French Onion Soup with Gruyère Crouton',
    description:
      'Slowly caramelised onions in beef stock with white wine and thyme, topped with a toasted baguette crouton and melted Gruyère.',
    category: 'soups',
    priceCents: 490,
    allergens: ['celery', 'sulphites', 'gluten', 'milk'],
    dietaryTags: [],
    stock: null,
  },
  {
    name: 'Miso Soup with Tofu and Wakame',
    description:
      'Light kombu dashi whisked with rice miso, with silken tofu cubes, wakame seaweed and spring onions; made without fish stock.',
    category: 'soups',
    priceCents: 350,
    allergens: ['soy'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Austrian Goulash Soup with Bread Roll',
    description:
      'Beef braised with onions, sweet paprika, caraway and potatoes in a rich beef stock, served with a crusty wheat bread roll.',
    category: 'soups',
    priceCents: 550,
    allergens: ['celery', 'gluten'],
    dietaryTags: ['dairy_free'],
    stock: null,
  },

  // ---------------------------------------------------------------- Salads & Bowls (10)
  {
    name: 'Chicken Caesar Salad',
    description:
      'Romaine lettuce and grilled chicken breast with Parmesan shavings, garlic croutons and a Caesar dressing of egg yolk, anchovy and Dijon.',
    category: 'salads',
    priceCents: 890,
    allergens: ['gluten', 'eggs', 'fish', 'milk', 'mustard'],
    dietaryTags: [],
    stock: null,
  },
  {
    name: 'Greek Salad with Feta',
    description:
      'Tomatoes, cucumber, green pepper, red onion and Kalamata olives with a slab of feta, dried oregano, olive oil and lemon.',
    category: 'salads',
    priceCents: 690,
    allergens: ['milk'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Quinoa Buddha Bowl with Tahini Dressing',
    description:
      'Quinoa with roasted sweet potato, spiced chickpeas, massaged kale, pickled red onion and avocado, dressed with lemon tahini.',
    category: 'salads',
    priceCents: 850,
    allergens: ['sesame'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Salmon Poke Bowl',
    description:
      'Raw marinated salmon on sushi rice with edamame, avocado, cucumber and wakame, finished with a soy sauce and toasted sesame dressing.',
    category: 'salads',
    priceCents: 950,
    allergens: ['fish', 'soy', 'gluten', 'sesame'],
    dietaryTags: ['pescatarian', 'dairy_free'],
    stock: 20,
  },
  {
    name: 'Chipotle Chicken Burrito Bowl',
    description:
      'Chipotle-marinated chicken over coriander-lime rice with black beans, sweetcorn, pico de gallo, grated cheddar and sour cream.',
    category: 'salads',
    priceCents: 880,
    allergens: ['milk'],
    dietaryTags: ['gluten_free', 'halal', 'spicy'],
    stock: null,
    optionGroups: [
      {
        name: 'Base',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { name: 'Coriander-lime rice', priceDeltaCents: 0, allergens: [] },
          { name: 'Mixed leaves', priceDeltaCents: 0, allergens: [] },
        ],
      },
      {
        name: 'Extras',
        minChoices: 0,
        maxChoices: 3,
        options: [
          { name: 'Guacamole', priceDeltaCents: 100, allergens: [] },
          { name: 'Extra cheddar', priceDeltaCents: 60, allergens: ['milk'] },
          { name: 'Pickled jalapeños', priceDeltaCents: 30, allergens: [] },
        ],
      },
    ],
  },
  {
    name: 'Thai Peanut Noodle Salad',
    description:
      'Rice noodles with red cabbage, carrot, edamame, coriander and chilli, tossed in a peanut butter, lime and soy sauce dressing.',
    category: 'salads',
    priceCents: 790,
    allergens: ['peanuts', 'soy', 'gluten'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'spicy'],
    stock: null,
  },
  {
    name: 'Caprese Salad with Basil Pesto',
    description:
      'Buffalo mozzarella and vine tomatoes on rocket with basil pesto made from cashews and vegetarian hard cheese, plus olive oil.',
    category: 'salads',
    priceCents: 750,
    allergens: ['milk', 'nuts'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Tuna Niçoise Salad',
    description:
      'Seared tuna with boiled egg, green beans, new potatoes, black olives, anchovies and cherry tomatoes in a Dijon mustard vinaigrette.',
    category: 'salads',
    priceCents: 920,
    allergens: ['fish', 'eggs', 'mustard'],
    dietaryTags: ['pescatarian', 'gluten_free', 'dairy_free'],
    stock: null,
  },
  {
    name: "Beetroot, Lentil and Goat's Cheese Salad",
    description:
      "Puy lentils with roasted beetroot, rocket, crumbled goat's cheese and toasted walnuts, dressed with balsamic vinegar and olive oil.",
    category: 'salads',
    priceCents: 780,
    allergens: ['milk', 'nuts', 'sulphites'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Fattoush with Grilled Halloumi',
    description:
      'Lebanese salad of romaine, tomato, cucumber, radish and toasted pita crisps with sumac and pomegranate dressing, topped with halloumi.',
    category: 'salads',
    priceCents: 820,
    allergens: ['gluten', 'milk'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },

  // ---------------------------------------------------------------- Sandwiches & Wraps (10)
  {
    name: 'Ham and Emmental Baguette',
    description: 'Crusty French baguette with butter, Dijon mustard, sliced cooked ham, Emmental cheese and crisp gherkins.',
    category: 'sandwiches',
    priceCents: 550,
    allergens: ['gluten', 'milk', 'mustard'],
    dietaryTags: [],
    stock: 25,
  },
  {
    name: 'Egg Mayonnaise and Cress Sandwich',
    description:
      'Free-range boiled eggs mixed with mayonnaise, chives and a pinch of pepper, layered with garden cress on wholemeal bread.',
    category: 'sandwiches',
    priceCents: 450,
    allergens: ['gluten', 'eggs', 'mustard'],
    dietaryTags: ['vegetarian', 'dairy_free'],
    stock: 20,
  },
  {
    name: 'Prawn Cocktail Sandwich',
    description:
      'North Atlantic prawns in a Marie Rose sauce of mayonnaise, tomato and lemon with crisp lettuce on malted wholegrain bread.',
    category: 'sandwiches',
    priceCents: 620,
    allergens: ['crustaceans', 'eggs', 'mustard', 'gluten'],
    dietaryTags: ['pescatarian', 'dairy_free'],
    stock: 15,
  },
  {
    name: 'Chicken Caesar Wrap',
    description:
      'Wheat tortilla filled with grilled chicken, romaine, Parmesan and a creamy Caesar dressing made with egg yolk, anchovy and Dijon.',
    category: 'sandwiches',
    priceCents: 650,
    allergens: ['gluten', 'milk', 'eggs', 'fish', 'mustard'],
    dietaryTags: [],
    stock: 20,
  },
  {
    name: 'Falafel and Hummus Wrap',
    description:
      'Wheat tortilla with crispy chickpea falafel, tahini hummus, pickled red cabbage, tomato, cucumber and fresh mint.',
    category: 'sandwiches',
    priceCents: 590,
    allergens: ['gluten', 'sesame'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free'],
    stock: 20,
    optionGroups: [
      {
        name: 'Extras',
        minChoices: 0,
        maxChoices: 2,
        options: [
          { name: 'Grilled halloumi', priceDeltaCents: 150, allergens: ['milk'] },
          { name: 'Chilli sauce', priceDeltaCents: 20, allergens: [] },
        ],
      },
    ],
  },
  {
    name: 'Tuna Melt Panini',
    description:
      'Toasted ciabatta filled with tuna mayonnaise, red onion, sweetcorn and melted mature cheddar, pressed to order.',
    category: 'sandwiches',
    priceCents: 620,
    allergens: ['gluten', 'fish', 'eggs', 'mustard', 'milk'],
    dietaryTags: ['pescatarian'],
    stock: null,
  },
  {
    name: 'Chicken Shawarma Wrap',
    description:
      'Spiced grilled chicken shawarma in a warm wheat flatbread with tahini sauce, pickled cucumber, tomato, onion and parsley.',
    category: 'sandwiches',
    priceCents: 690,
    allergens: ['gluten', 'sesame'],
    dietaryTags: ['dairy_free', 'halal'],
    stock: null,
  },
  {
    name: 'Caprese Ciabatta with Pesto',
    description:
      'Ciabatta roll with mozzarella, beef tomato, rocket and basil pesto made from cashews and vegetarian hard cheese.',
    category: 'sandwiches',
    priceCents: 590,
    allergens: ['gluten', 'milk', 'nuts'],
    dietaryTags: ['vegetarian'],
    stock: 15,
  },
  {
    name: 'BLT on Sourdough',
    description: 'Crispy smoked streaky bacon, butter lettuce and ripe tomato with mayonnaise on toasted sourdough bread.',
    category: 'sandwiches',
    priceCents: 560,
    allergens: ['gluten', 'eggs', 'mustard'],
    dietaryTags: ['dairy_free'],
    stock: 20,
  },
  {
    name: 'Smoked Salmon and Cream Cheese Bagel',
    description: 'Sesame seed bagel with cold-smoked salmon, cream cheese, capers, thinly sliced red onion and fresh dill.',
    category: 'sandwiches',
    priceCents: 720,
    allergens: ['gluten', 'sesame', 'fish', 'milk'],
    dietaryTags: ['pescatarian'],
    stock: 12,
  },

  // ---------------------------------------------------------------- Sides (8)
  {
    name: 'Steamed Basmati Rice',
    description: 'Fluffy long-grain basmati rice, steamed with a pinch of salt, a simple partner for curries and stews.',
    category: 'sides',
    priceCents: 250,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Chips with Sea Salt',
    description: 'Thick-cut potato chips fried in sunflower oil in a dedicated fryer and seasoned with flaky sea salt.',
    category: 'sides',
    priceCents: 320,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Sweet Potato Fries with Chipotle Mayo',
    description: 'Crispy sweet potato fries from a dedicated fryer, served with a smoky chipotle chilli mayonnaise dip.',
    category: 'sides',
    priceCents: 420,
    allergens: ['eggs', 'mustard'],
    dietaryTags: ['vegetarian', 'dairy_free', 'gluten_free', 'spicy'],
    stock: null,
  },
  {
    name: 'Garlic Naan',
    description: 'Soft leavened wheat flatbread made with yoghurt, baked hot and brushed with garlic butter and fresh coriander.',
    category: 'sides',
    priceCents: 280,
    allergens: ['gluten', 'milk'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },
  {
    name: 'Tenderstem Broccoli with Toasted Almonds',
    description:
      'Steamed tenderstem broccoli tossed with olive oil, lemon zest and chilli flakes, topped with toasted flaked almonds.',
    category: 'sides',
    priceCents: 380,
    allergens: ['nuts'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Gratin Dauphinois',
    description: 'Thinly sliced potatoes baked slowly in cream and milk with garlic and a grating of nutmeg until golden on top.',
    category: 'sides',
    priceCents: 420,
    allergens: ['milk'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Edamame with Sea Salt',
    description: 'Steamed young soybeans in their pods, sprinkled with sea salt, to be popped straight from the shell.',
    category: 'sides',
    priceCents: 390,
    allergens: ['soy'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Side Salad with Dijon Vinaigrette',
    description:
      'Mixed leaves, cucumber, cherry tomatoes and radish with a light vinaigrette of Dijon mustard, lemon and olive oil.',
    category: 'sides',
    priceCents: 290,
    allergens: ['mustard'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },

  // ---------------------------------------------------------------- Desserts (9)
  {
    name: 'Tiramisu',
    description:
      'Espresso and Marsala-soaked ladyfingers layered with whipped mascarpone and egg cream, dusted with cocoa powder.',
    category: 'desserts',
    priceCents: 490,
    allergens: ['gluten', 'eggs', 'milk', 'sulphites'],
    dietaryTags: ['vegetarian'],
    stock: 20,
  },
  {
    name: 'Apple Strudel with Vanilla Sauce',
    description:
      'Thin strudel pastry rolled around cinnamon apples, raisins and buttered breadcrumbs, served warm with vanilla egg custard.',
    category: 'desserts',
    priceCents: 450,
    allergens: ['gluten', 'eggs', 'milk', 'sulphites'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },
  {
    name: 'Sticky Toffee Pudding with Custard',
    description:
      'Moist date sponge made with wheat flour, eggs and butter, drenched in toffee cream sauce and served with hot custard.',
    category: 'desserts',
    priceCents: 480,
    allergens: ['gluten', 'eggs', 'milk'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },
  {
    name: 'Crème Brûlée',
    description:
      'Baked vanilla custard of cream and egg yolks under a crisp shell of caramelised sugar, torched just before serving.',
    category: 'desserts',
    priceCents: 450,
    allergens: ['milk', 'eggs'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: 18,
  },
  {
    name: 'Mango Sticky Rice',
    description:
      'Thai glutinous rice steamed and soaked in sweet coconut milk, served with fresh ripe mango and toasted sesame seeds.',
    category: 'desserts',
    priceCents: 420,
    allergens: ['sesame'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 15,
  },
  {
    name: 'Chocolate Walnut Brownie',
    description:
      'Fudgy brownie baked with milk and dark chocolate, butter, eggs, wheat flour and chopped walnuts; chocolate contains soy lecithin.',
    category: 'desserts',
    priceCents: 320,
    allergens: ['gluten', 'eggs', 'milk', 'nuts', 'soy'],
    dietaryTags: ['vegetarian'],
    stock: 30,
  },
  {
    name: 'Fresh Fruit Salad',
    description:
      'A bowl of freshly cut seasonal fruit such as melon, pineapple, kiwi, grapes and berries with fresh mint and lime juice.',
    category: 'desserts',
    priceCents: 350,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 20,
  },
  {
    name: 'Coconut Chia Pudding with Berries',
    description:
      'Chia seeds soaked overnight in coconut milk and maple syrup, topped with mixed berries and toasted coconut flakes.',
    category: 'desserts',
    priceCents: 380,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 20,
  },
  {
    name: 'Greek Yoghurt with Honey and Walnuts',
    description: 'Thick strained Greek yoghurt drizzled with Greek thyme honey and sprinkled with toasted walnuts.',
    category: 'desserts',
    priceCents: 350,
    allergens: ['milk', 'nuts'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: 25,
  },

  // ---------------------------------------------------------------- Drinks (11)
  {
    name: 'Espresso',
    description: 'A short, intense shot of freshly ground Arabica and Robusta espresso with a thick golden crema.',
    category: 'drinks',
    priceCents: 180,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Cappuccino',
    description: 'A double shot of espresso topped with steamed whole cow milk and a deep layer of velvety milk foam.',
    category: 'drinks',
    priceCents: 290,
    allergens: ['milk'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Oat Milk Flat White',
    description: 'A double ristretto with silky steamed oat drink; oats are a gluten-containing cereal, so not gluten-free.',
    category: 'drinks',
    priceCents: 340,
    allergens: ['gluten'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free'],
    stock: null,
  },
  {
    name: 'English Breakfast Tea',
    description: 'A robust blend of Assam and Ceylon black teas, brewed by the pot and served with a slice of lemon.',
    category: 'drinks',
    priceCents: 200,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Masala Chai Latte',
    description: 'Black tea brewed with cardamom, ginger, cinnamon and cloves, sweetened and topped with steamed cow milk.',
    category: 'drinks',
    priceCents: 340,
    allergens: ['milk'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Freshly Squeezed Orange Juice',
    description: 'Juice of ripe Spanish oranges squeezed to order, with nothing added, served in a 0.3 litre glass.',
    category: 'drinks',
    priceCents: 350,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Homemade Mint Lemonade',
    description: 'House-made lemonade of fresh lemon juice, cane sugar and sparkling water, poured over ice with fresh mint.',
    category: 'drinks',
    priceCents: 290,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Mango Lassi',
    description: 'Chilled blend of natural yoghurt, Alphonso mango pulp, milk and a hint of cardamom, served in a tall glass.',
    category: 'drinks',
    priceCents: 380,
    allergens: ['milk'],
    dietaryTags: ['vegetarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Sparkling Mineral Water 0.5 l',
    description: 'Naturally carbonated mineral water from an Alpine spring, served chilled in a 0.5 litre recyclable bottle.',
    category: 'drinks',
    priceCents: 180,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 60,
  },
  {
    name: 'Still Mineral Water 0.5 l',
    description: 'Still natural mineral water with low sodium content, served chilled in a 0.5 litre recyclable bottle.',
    category: 'drinks',
    priceCents: 150,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 60,
  },
  {
    name: 'Apfelschorle 0.33 l',
    description: 'German apple spritzer of 60% cloudy apple juice and sparkling mineral water, in a chilled 0.33 litre bottle.',
    category: 'drinks',
    priceCents: 250,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 40,
  },

  // ---------------------------------------------------------------- Snacks (8)
  {
    name: 'Bavarian Lye Pretzel',
    description: 'Freshly baked wheat dough pretzel dipped in lye for its glossy brown crust and topped with coarse salt.',
    category: 'snacks',
    priceCents: 190,
    allergens: ['gluten'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free'],
    stock: 30,
  },
  {
    name: 'Hummus with Vegetable Crudités',
    description: 'A pot of chickpea and tahini hummus with lemon and garlic, served with carrot, cucumber and pepper sticks.',
    category: 'snacks',
    priceCents: 350,
    allergens: ['sesame'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 15,
  },
  {
    name: 'Roasted Salted Mixed Nuts',
    description: 'A 50 g bag of oven-roasted almonds, cashews, hazelnuts and peanuts, lightly seasoned with sea salt.',
    category: 'snacks',
    priceCents: 290,
    allergens: ['nuts', 'peanuts'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 40,
  },
  {
    name: 'Nachos with Salsa and Guacamole',
    description: 'Crunchy corn tortilla chips with fresh tomato salsa, chunky guacamole and sliced pickled jalapeños.',
    category: 'snacks',
    priceCents: 390,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free', 'spicy'],
    stock: null,
  },
  {
    name: 'Seasonal Whole Fruit',
    description: 'A piece of fresh seasonal fruit such as an apple, pear, banana or orange, sourced from regional growers.',
    category: 'snacks',
    priceCents: 120,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free', 'gluten_free'],
    stock: 50,
  },
  {
    name: 'Oat and Raisin Cookie',
    description: 'Chewy cookie baked with rolled oats, wheat flour, butter, egg, brown sugar, cinnamon and plump raisins.',
    category: 'snacks',
    priceCents: 220,
    allergens: ['gluten', 'milk', 'eggs', 'sulphites'],
    dietaryTags: ['vegetarian'],
    stock: 40,
  },
  {
    name: 'Salmon Onigiri',
    description:
      'Japanese rice triangle filled with flaked grilled salmon, wrapped in crisp nori and sprinkled with sesame seeds.',
    category: 'snacks',
    priceCents: 350,
    allergens: ['fish', 'sesame'],
    dietaryTags: ['pescatarian', 'dairy_free', 'gluten_free'],
    stock: 15,
  },
  {
    name: 'Peanut Butter Energy Balls',
    description:
      'Two no-bake bites of rolled oats, peanut butter, Medjool dates and dairy-free dark chocolate chips with soy lecithin.',
    category: 'snacks',
    priceCents: 250,
    allergens: ['gluten', 'peanuts', 'soy'],
    dietaryTags: ['vegan', 'vegetarian', 'dairy_free'],
    stock: 30,
  },
];

/** Daily dishes: served on the days of the menu plan that list them (the demo plans two or three a day). */
export const DAILY_DISHES: MenuProductSeed[] = [
  {
    name: 'Braised Beef Goulash',
    description: 'Slow-braised beef shin in a paprika and onion sauce with sour cream, and the side of your choice.',
    category: 'mains',
    priceCents: 890,
    allergens: ['milk', 'celery'],
    dietaryTags: [],
    stock: null,
    optionGroups: [
      {
        name: 'Side',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { name: 'Spätzle', priceDeltaCents: 0, allergens: ['gluten', 'eggs'] },
          { name: 'Boiled potatoes', priceDeltaCents: 0, allergens: [] },
          { name: 'Bread dumpling', priceDeltaCents: 40, allergens: ['gluten', 'eggs', 'milk'] },
        ],
      },
    ],
  },
  {
    name: 'Roasted Aubergine and Courgette Bake',
    description: 'Roasted aubergine, courgette and spinach baked in layers with tomato sauce, béchamel and fresh pasta sheets.',
    category: 'mains',
    priceCents: 780,
    allergens: ['gluten', 'eggs', 'milk'],
    dietaryTags: ['vegetarian'],
    stock: null,
  },
  {
    name: 'Catch of the Day with Herb Potatoes',
    description: "The fishmonger's pick of the morning, pan-fried, with parsley potatoes and a lemon butter sauce.",
    category: 'mains',
    priceCents: 1090,
    allergens: ['fish', 'milk'],
    dietaryTags: ['pescatarian', 'gluten_free'],
    stock: null,
  },
  {
    name: 'Chickpea and Spinach Curry',
    description: 'Chickpeas and spinach in a coconut, tomato and ginger curry with basmati rice and coriander.',
    category: 'mains',
    priceCents: 720,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'gluten_free', 'dairy_free'],
    stock: null,
    optionGroups: [
      {
        name: 'Extras',
        minChoices: 0,
        maxChoices: 2,
        options: [
          { name: 'Garlic naan', priceDeltaCents: 150, allergens: ['gluten', 'milk'] },
          { name: 'Mango chutney', priceDeltaCents: 40, allergens: ['mustard'] },
        ],
      },
    ],
  },
  {
    name: 'Roast Chicken Leg with Rosemary Jus',
    description: 'Free-range chicken leg roasted with rosemary and garlic, with roast root vegetables and its own jus.',
    category: 'mains',
    priceCents: 950,
    allergens: ['celery'],
    dietaryTags: ['gluten_free', 'dairy_free', 'halal'],
    stock: null,
  },
];
