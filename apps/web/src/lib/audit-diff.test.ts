import { describe, expect, it } from 'vitest';
import { auditDiff, fieldLabel, formatAuditValue } from './audit-diff';
import { formatDateTime } from './format';
import { formatMoney } from './money';

const ID = '0194f0c2-7d3e-7a11-8b6e-3f1d2c4b5a69';

describe('auditDiff', () => {
  it('lists a changed field once, with old and new values in words', () => {
    expect(auditDiff({ priceCents: 450, name: 'Soup' }, { priceCents: 480, name: 'Soup' })).toEqual([
      {
        field: 'priceCents',
        label: 'Price',
        kind: 'changed',
        before: { text: formatMoney(450) },
        after: { text: formatMoney(480) },
      },
    ]);
  });

  it('reads a new row as added fields, leaving out its id and empty fields', () => {
    const changes = auditDiff(null, { id: ID, name: 'Lentil soup', isActive: true, stock: null, department: ID });
    expect(changes.map((change) => [change.kind, change.label, change.before, change.after?.text])).toEqual([
      ['added', 'Name', null, 'Lentil soup'],
      ['added', 'Active', null, 'Yes'],
      ['added', 'Department', null, '…2c4b5a69'],
    ]);
    expect(changes[2]?.after?.title).toBe(ID);
  });

  it('reads a deleted row as removed fields', () => {
    expect(
      auditDiff({ name: 'Pastry', code: 'PST' }, null).map((change) => [change.kind, change.before?.text, change.after]),
    ).toEqual([
      ['removed', 'Pastry', null],
      ['removed', 'PST', null],
    ]);
  });

  it('never shows a secret, but still says it changed', () => {
    const changes = auditDiff({ passwordHash: '[redacted]' }, { passwordHash: '[redacted]', totpSecret: 'JBSWY3DPEHPK3PXP' });
    expect(changes).toEqual([
      {
        field: 'passwordHash',
        label: 'Password hash',
        kind: 'changed',
        before: { text: 'Hidden', isHidden: true },
        after: { text: 'Hidden', isHidden: true },
      },
      { field: 'totpSecret', label: 'Totp secret', kind: 'added', before: null, after: { text: 'Hidden', isHidden: true } },
    ]);
    expect(JSON.stringify(changes)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('shows a field set to nothing as a change to "none"', () => {
    expect(auditDiff({ note: 'Cold' }, { note: null })[0]).toMatchObject({ kind: 'changed', after: { text: 'none' } });
  });
});

describe('formatAuditValue', () => {
  it('formats cents, dates, booleans and ids', () => {
    expect(formatAuditValue('amountCents', -300)).toEqual({ text: formatMoney(-300) });
    expect(formatAuditValue('stock', 1200).text).toBe(new Intl.NumberFormat().format(1200));
    const at = '2026-12-01T09:30:00.000Z';
    expect(formatAuditValue('occurredAt', at)).toEqual({ text: formatDateTime(at), title: at });
    expect(formatAuditValue('isActive', false)).toEqual({ text: 'No' });
    expect(formatAuditValue('user', ID)).toEqual({ text: '…2c4b5a69', title: ID });
  });

  it('writes nested objects and lists on one line, formatting their leaves too', () => {
    expect(formatAuditValue('options', [{ name: 'Large', priceDeltaCents: 50 }])).toEqual({
      text: `{name: Large, priceDeltaCents: ${formatMoney(50)}}`,
    });
    expect(formatAuditValue('allergens', ['gluten', 'milk'])).toEqual({ text: 'gluten, milk' });
    expect(formatAuditValue('allergens', [])).toEqual({ text: 'none' });
    expect(formatAuditValue('done', { sessions: 3, isDryRun: false })).toEqual({ text: '{sessions: 3, isDryRun: No}' });
  });

  it('shortens long text and keeps the whole of it on hover', () => {
    const long = 'x'.repeat(1_000);
    const shown = formatAuditValue('content', long);
    expect(shown.text.length).toBeLessThan(500);
    expect(shown.title).toBe(long);
  });
});

describe('fieldLabel', () => {
  it('names fields in words', () => {
    expect(fieldLabel('priceCents')).toBe('Price');
    expect(fieldLabel('isActive')).toBe('Active');
    expect(fieldLabel('departmentId')).toBe('Department');
    expect(fieldLabel('lastLoginAt')).toBe('Last login at');
    expect(fieldLabel('failed_login_count')).toBe('Failed login count');
    expect(fieldLabel('id')).toBe('Id');
  });
});
