import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';
import { User } from './user.entity';

export const PasswordResetSchema = defineEntity({
  name: 'PasswordReset',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    tokenHash: p.string().length(64).unique().hidden(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null').index(),
  },
});

export class PasswordReset extends PasswordResetSchema.class {}
PasswordResetSchema.setClass(PasswordReset);
