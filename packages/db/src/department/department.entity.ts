import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';

export const DepartmentSchema = defineEntity({
  name: 'Department',
  properties: {
    ...baseProperties,
    name: p.string().length(120).unique(),
    code: p.string().length(12).unique(),
  },
});

export class Department extends DepartmentSchema.class {}
DepartmentSchema.setClass(Department);
