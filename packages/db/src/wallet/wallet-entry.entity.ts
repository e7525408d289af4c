import { defineEntity, p } from '@mikro-orm/core';
import { ENTRY_KINDS } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { Order } from '../order/order.entity';
import { Payment } from '../payment/payment.entity';
import { User } from '../user/user.entity';
import { Payer } from './payer.entity';

/**
 * One line of an employee's wallet ledger, never updated except for `remainingCents`: a positive entry is a
 * "lot" of money whose remainder shrinks as spends draw on it (WalletDraw says which spend took how much).
 * Balance per payer = sum(amountCents) = sum(remainingCents); a spend reads only lots with money left.
 */
export const WalletEntrySchema = defineEntity({
  name: 'WalletEntry',
  properties: {
    ...baseProperties,
    user: () => p.manyToOne(User).ref().deleteRule('restrict'),
    payer: () => p.manyToOne(Payer).ref().deleteRule('restrict').index(),
    amountCents: p.integer().check('amount_cents <> 0'),
    remainingCents: p.integer().default(0).check('remaining_cents >= 0 and remaining_cents <= greatest(amount_cents, 0)'),
    occurredAt: p.datetime(),
    kind: p.enum(ENTRY_KINDS).nativeEnumName('wallet_entry_kind'),
    order: () => p.manyToOne(Order).ref().nullable().deleteRule('restrict').index(),
    /** The card top-up this money came from, or was taken back for. */
    payment: () => p.manyToOne(Payment).ref().nullable().deleteRule('restrict').index(),
    createdBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null').index(),
    note: p.string().length(280).nullable(),
  },
  indexes: [
    // The reports' partial days at the edges of a range (whole days come from the summaries).
    { properties: ['occurredAt'] },
    { name: 'wallet_entry_history_index', properties: ['user', 'occurredAt', 'id'] },
    { name: 'wallet_entry_open_lots_index', properties: ['user', 'occurredAt', 'id'], where: 'remaining_cents > 0' },
  ],
});

export class WalletEntry extends WalletEntrySchema.class {}
WalletEntrySchema.setClass(WalletEntry);

/** How much a debit (spend or negative adjustment) took from one lot; refunds put exactly this back. */
export const WalletDrawSchema = defineEntity({
  name: 'WalletDraw',
  properties: {
    ...baseProperties,
    debit: () => p.manyToOne(WalletEntry).ref().deleteRule('cascade').index(),
    lot: () => p.manyToOne(WalletEntry).ref().deleteRule('restrict').index(),
    amountCents: p.integer().check('amount_cents > 0'),
  },
});

export class WalletDraw extends WalletDrawSchema.class {}
WalletDrawSchema.setClass(WalletDraw);
