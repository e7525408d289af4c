import { defineEntity, p } from '@mikro-orm/core';
import { LANGUAGES, ROLES } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { Department } from '../department/department.entity';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    ...baseProperties,
    /** Stored lower-cased; the unique index therefore is case-insensitive. */
    email: p.string().length(254).unique(),
    name: p.string().length(120).index(),
    employeeNumber: p.string().length(20).unique(),
    role: p.enum(ROLES).nativeEnumName('user_role').index(),
    department: () => p.manyToOne(Department).ref().nullable().deleteRule('restrict').index(),
    passwordHash: p.string().length(255).hidden().lazy(),
    isActive: p.boolean().default(true),
    failedLoginCount: p.integer().default(0),
    lockedUntil: p.datetime().nullable(),
    totpSecret: p.string().length(64).nullable().hidden().lazy(),
    totpEnabledAt: p.datetime().nullable(),
    /** Last accepted TOTP time step, so one code cannot be used twice. */
    totpLastStep: p.integer().nullable(),
    passwordChangedAt: p.datetime().nullable(),
    /** Access tokens issued before this are void: set when 2FA is turned on or off (the other sign-ins end). */
    sessionsRevokedAt: p.datetime().nullable(),
    lastLoginAt: p.datetime().nullable(),
    anonymizedAt: p.datetime().nullable(),
    /** The language the person uses the app in (their emails speak it); null until the app has said. */
    language: p.enum(LANGUAGES).nullable(),
  },
  indexes: [
    {
      name: 'app_user_name_folded_trgm',
      expression: 'create index "app_user_name_folded_trgm" on "app_user" using gin (canteen_fold((name)::text) gin_trgm_ops)',
    },
  ],
});

export class User extends UserSchema.class {
  isLocked(now = new Date()): boolean {
    return this.lockedUntil !== null && this.lockedUntil !== undefined && this.lockedUntil > now;
  }
}
UserSchema.setClass(User);
