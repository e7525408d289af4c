import type { OptionGroup } from '@canteen/shared';
import { describe, expect, it } from 'vitest';
import { fromGroupDrafts, toGroupDrafts } from './option-groups-field';

const SIDE: OptionGroup = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Side',
  minChoices: 1,
  maxChoices: 1,
  options: [
    { id: '00000000-0000-4000-8000-000000000002', name: 'Fries', priceDeltaCents: 0, allergens: [], isArchived: false },
    { id: '00000000-0000-4000-8000-000000000003', name: 'Salad', priceDeltaCents: 150, allergens: ['mustard'], isArchived: true },
  ],
};

describe('the product form’s choices', () => {
  it('round-trips a dish’s groups through the form, keeping ids, prices and archived options', () => {
    const drafts = toGroupDrafts([SIDE]);
    expect(drafts[0]!.options.map((o) => o.price)).toEqual(['', '1.50']);
    const back = fromGroupDrafts(drafts);
    expect(back).toEqual({ ok: true, groups: [SIDE] });
  });

  it('says what is wrong in the words of the shared schema', () => {
    const drafts = toGroupDrafts([SIDE]);
    drafts[0]!.options[0]!.price = 'lots';
    expect(fromGroupDrafts(drafts).ok).toBe(false);
    // Two required from a group with one option still offered.
    const required = toGroupDrafts([{ ...SIDE, minChoices: 2, maxChoices: 2 }]);
    expect(fromGroupDrafts(required)).toMatchObject({ ok: false, path: [0, 'minChoices'] });
    const nameless = toGroupDrafts([{ ...SIDE, name: ' ' }]);
    expect(fromGroupDrafts(nameless)).toMatchObject({ ok: false, path: [0, 'name'] });
  });
});
