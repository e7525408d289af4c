import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';
import { User } from '../user/user.entity';

/** One row per refresh token; all tokens of one login share a `familyId`. */
export const SessionSchema = defineEntity({
  name: 'Session',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    familyId: p.uuid().index(),
    tokenHash: p.string().length(64).unique().hidden(),
    expiresAt: p.datetime(),
    rotatedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    userAgent: p.string().length(400).nullable(),
    ip: p.string().length(64).nullable(),
  },
});

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
