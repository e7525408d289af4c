import { defineEntity, p } from '@mikro-orm/core';
import { REVIEW_STATUSES } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { Product } from '../menu/product.entity';
import { User } from '../user/user.entity';

export const ReviewSchema = defineEntity({
  name: 'Review',
  properties: {
    ...baseProperties,
    product: () => p.manyToOne(Product).ref().deleteRule('cascade'),
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    rating: p.integer().check('rating >= 1 and rating <= 5'),
    comment: p.string().length(1000).nullable(),
    status: p.enum(REVIEW_STATUSES).nativeEnumName('review_status').default('visible'),
  },
  uniques: [{ properties: ['product', 'user'] }],
  indexes: [{ properties: ['product', 'status', 'id'] }],
});

export class Review extends ReviewSchema.class {}
ReviewSchema.setClass(Review);
