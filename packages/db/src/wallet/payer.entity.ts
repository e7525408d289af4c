import { defineEntity, p } from '@mikro-orm/core';
import { PAYER_KINDS } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { Department } from '../department/department.entity';

/** Who funds a credit: the company subsidy, a department budget, the employee themself, a promotion. */
export const PayerSchema = defineEntity({
  name: 'Payer',
  properties: {
    ...baseProperties,
    name: p.string().length(80).unique(),
    kind: p.enum(PAYER_KINDS).nativeEnumName('payer_kind'),
    department: () => p.manyToOne(Department).ref().nullable().deleteRule('restrict').index(),
  },
});

export class Payer extends PayerSchema.class {}
PayerSchema.setClass(Payer);
