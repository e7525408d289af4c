import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';

export const CategorySchema = defineEntity({
  name: 'Category',
  properties: {
    ...baseProperties,
    name: p.string().length(80).unique(),
    slug: p.string().length(60).unique(),
    sortOrder: p.integer().default(100),
  },
});

export class Category extends CategorySchema.class {}
CategorySchema.setClass(Category);
