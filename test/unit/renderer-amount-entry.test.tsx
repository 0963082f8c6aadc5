// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../shared/domain/money';
import { amountReducer, MAX_AMOUNT_CHARS, type AmountKey } from '../../renderer/src/features/till/amount-entry';

function press(keys: AmountKey[], start = ''): string {
  return keys.reduce((text, key) => amountReducer(text, { type: 'key', key }), start);
}

describe('amount entry', () => {
  it('builds an amount from numpad keys that parseAmount reads as cents', () => {
    const text = press(['1', '2', ',', '5', '0']);
    expect(text).toBe('12,50');
    expect(parseAmount(text)).toEqual({ ok: true, cents: 1250 });
  });

  it('starts a bare comma as 0, and never adds a second decimal mark', () => {
    expect(press([','])).toBe('0,');
    expect(press(['5', ',', ','])).toBe('5,');
    expect(press([','], '5.2')).toBe('5.2');
  });

  it('refuses a third decimal from the numpad', () => {
    expect(press(['1', ',', '9', '9', '9'])).toBe('1,99');
  });

  it('replaces a lone zero instead of making a leading zero', () => {
    expect(press(['0', '7'])).toBe('7');
    expect(press(['0', ',', '5'])).toBe('0,5');
  });

  it('backspace removes the last character, clear empties the field', () => {
    expect(press(['backspace'], '12,5')).toBe('12,');
    expect(press(['backspace'], '')).toBe('');
    expect(press(['clear'], '12,50')).toBe('');
  });

  it('stops growing at the length limit', () => {
    const long = '9'.repeat(MAX_AMOUNT_CHARS);
    expect(press(['1'], long)).toBe(long);
    expect(amountReducer('', { type: 'type', text: '1'.repeat(40) })).toHaveLength(MAX_AMOUNT_CHARS);
  });

  it('keeps keyboard text as typed so that parseAmount can name the problem', () => {
    const typed = amountReducer('', { type: 'type', text: '12.345' });
    expect(typed).toBe('12.345');
    expect(parseAmount(typed)).toEqual({ ok: false, problem: 'too_many_decimals' });
    expect(amountReducer('12', { type: 'reset' })).toBe('');
  });
});
