import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';

/** Admin-editable settings, one row per key. */
export const SettingSchema = defineEntity({
  name: 'Setting',
  properties: {
    ...baseProperties,
    key: p.string().length(80).unique(),
    value: p.json<unknown>(),
  },
});

export class Setting extends SettingSchema.class {}
SettingSchema.setClass(Setting);
