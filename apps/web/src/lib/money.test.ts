import { describe, expect, it } from 'vitest';
import { setCanteenConfig } from './canteen-config';
import { i18next } from './i18n';
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

describe('money follows the language shown and the configured currency', () => {
  it('writes English amounts in English and German ones in German, with one minus sign', async () => {
    await i18next.changeLanguage('en');
    expect(formatMoney(16970)).toBe('€169.70');
    expect(formatSignedMoney(-300)).toBe('−€3.00');
    expect(formatMoney(-300)).toBe('−€3.00');
    await i18next.changeLanguage('de');
    expect(formatMoney(16970)).toBe('169,70\u00a0€');
    expect(formatSignedMoney(-300)).toBe('−3,00\u00a0€');
    expect(parseMoney('−3,20 €')).toBe(-320);
    await i18next.changeLanguage('en');
  });

  it('uses the currency the API is configured for', () => {
    const stored = new Map<string, string>();
    globalThis.localStorage ??= {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    } as Storage;
    setCanteenConfig({ name: 'Kantine', address: '', currency: 'CHF', timeZone: 'Europe/Zurich' });
    expect(formatMoney(1250)).toMatch(/^CHF\s?12\.50$/);
    expect(parseMoney('CHF 12.50')).toBe(1250);
    setCanteenConfig({ name: 'Canteen', address: '', currency: 'EUR', timeZone: 'UTC' });
  });
});
