import { describe, expect, it } from 'vitest';
import { formatMoney, formatSignedMoney, parseMoney } from './money';

describe('parseMoney', () => {
  it('turns euros into exact integer cents', () => {
    expect(parseMoney('12.50')).toBe(1250);
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('1.15')).toBe(115);
    expect(parseMoney('4.35')).toBe(435);
    expect(parseMoney('19.99')).toBe(1999);
    expect(parseMoney('7')).toBe(700);
    expect(parseMoney('3,05')).toBe(305);
    expect(parseMoney(' € 8.00 ')).toBe(800);
    expect(parseMoney('1.')).toBe(100);
  });

  it('keeps the sign of an adjustment', () => {
    expect(parseMoney('-3.20')).toBe(-320);
    expect(parseMoney('+2')).toBe(200);
  });

  it('refuses what is not a plain amount', () => {
    for (const text of ['', 'abc', '1.234', '1e3', '12.5.0', '--1', '1 000 000 000', '.5x']) expect(parseMoney(text)).toBeNull();
  });
});

describe('formatMoney', () => {
  it('formats cents as euros with a sign when asked', () => {
    expect(formatMoney(1250)).toMatch(/12[.,]50/);
    expect(formatMoney(1250)).toContain('€');
    expect(formatSignedMoney(-300)).toMatch(/^-|^−/);
    expect(formatSignedMoney(300)).toMatch(/^\+/);
  });
});
