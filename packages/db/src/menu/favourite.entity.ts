import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../user/user.entity';
import { Product } from './product.entity';

/** A dish a person pinned to the top of their menu. */
export const FavouriteSchema = defineEntity({
  name: 'Favourite',
  properties: {
    user: () => p.manyToOne(User).ref().primary().deleteRule('cascade'),
    product: () => p.manyToOne(Product).ref().primary().deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Favourite extends FavouriteSchema.class {}
FavouriteSchema.setClass(Favourite);
