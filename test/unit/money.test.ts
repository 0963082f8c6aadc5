import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount } from '../../shared/domain/money';

describe('parseAmount', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    [' 0,01 ', 1],
    ['€ 3,20', 320],
    ['9999999999,99', 999_999_999_999],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseAmount(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['12,50,1', 'not_a_number'],
    ['1.234,50', 'not_a_number'],
    ['12,555', 'too_many_decimals'],
    ['0', 'zero'],
    ['0,00', 'zero'],
    ['-5', 'negative'],
    ['-12,50', 'negative'],
    ['10000000000', 'too_large'],
    ['9999999999,991', 'too_many_decimals'],
    ['99999999999999999999999', 'too_large'],
  ])('rejects %j as %s', (text, problem) => {
    expect(parseAmount(text)).toEqual({ ok: false, problem });
  });
});

describe('formatMoney', () => {
  it('formats per locale', () => {
    expect(formatMoney(1250, 'en')).toMatch(/€\s?12\.50/);
    expect(formatMoney(1250, 'nl')).toMatch(/€\s?12,50/);
    expect(formatMoney(1250, 'fr')).toMatch(/12,50\s?€/);
  });
});
