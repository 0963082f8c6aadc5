import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEPA_TEXT } from '../../shared/domain/sepa-charset';
import {
  WRISTBAND_ALPHABET,
  checkWristbandId,
  generateWristbandId,
  isWristbandId,
  normalizeWristbandId,
  wristbandIdFromData,
} from '../../shared/domain/wristband-id';

const compact = (id: string): string => id.replace(/-/g, '');
const samples: string[] = Array.from({ length: 60 }, () => generateWristbandId(randomBytes));
// Ids with repeated symbols and the alphabet's ends, where weak checks usually fail.
samples.push(
  wristbandIdFromData('0000000000'),
  wristbandIdFromData('ZZZZZZZZZZ'),
  wristbandIdFromData('0123456789'),
);
const ALL_TYPED = `${WRISTBAND_ALPHABET}OILSU*#`;

/** Every way to type one symbol of `id` wrong: every other symbol and some outside the alphabet. */
function substitutions(id: string): string[] {
  const symbols = [...compact(id)];
  return symbols.flatMap((original, at) =>
    [...ALL_TYPED]
      .filter((typed) => typed !== original)
      .map((typed) => symbols.map((s, i) => (i === at ? typed : s)).join('')),
  );
}

describe('wristband ids', () => {
  it('are 12 symbols in three hyphenated groups, within 35 SEPA characters, from a 31-symbol alphabet', () => {
    expect(WRISTBAND_ALPHABET).toHaveLength(31);
    expect(new Set(WRISTBAND_ALPHABET).size).toBe(31);
    for (const id of samples) {
      expect(id).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(id.length).toBeLessThanOrEqual(35);
      expect(SEPA_TEXT.test(id)).toBe(true);
      expect(isWristbandId(id)).toBe(true);
      expect(id).not.toMatch(/[ILOSU]/);
    }
  });

  it('detect every single wrong symbol, exhaustively over the sample ids', () => {
    let tried = 0;
    for (const id of samples) {
      for (const typo of substitutions(id)) {
        tried += 1;
        const read = normalizeWristbandId(typo);
        // A look-alike letter (O for 0, I or L for 1, S for 5) reads as the digit it stands for: the same id.
        if (read !== null) expect(read).toBe(id);
      }
    }
    expect(tried).toBe(samples.length * 12 * (ALL_TYPED.length - 1));
  });

  it('detect every swap of two neighbours, and every swap at any distance', () => {
    for (const id of samples) {
      const symbols = [...compact(id)];
      for (let a = 0; a < symbols.length; a += 1) {
        for (let b = a + 1; b < symbols.length; b += 1) {
          if (symbols[a] === symbols[b]) continue;
          const swapped = [...symbols];
          [swapped[a], swapped[b]] = [symbols[b] ?? '', symbols[a] ?? ''];
          expect(normalizeWristbandId(swapped.join('')), `${id} swap ${a},${b}`).toBeNull();
        }
      }
    }
  });

  it('detect every pair of wrong symbols within the alphabet', () => {
    for (const id of samples.slice(0, 3)) {
      const symbols = [...compact(id)];
      for (let a = 0; a < 12; a += 1)
        for (let b = a + 1; b < 12; b += 1)
          for (const x of WRISTBAND_ALPHABET)
            for (const y of WRISTBAND_ALPHABET) {
              if (x === symbols[a] || y === symbols[b]) continue;
              const typo = symbols.map((s, i) => (i === a ? x : i === b ? y : s)).join('');
              if (normalizeWristbandId(typo) !== null) throw new Error(`${typo} passed for ${id}`);
            }
    }
  });

  it('are read in lower case, without hyphens, with spaces, and with look-alike letters', () => {
    const id = wristbandIdFromData('7K2Q9XQ4M3');
    const plain = compact(id);
    for (const typed of [
      id,
      id.toLowerCase(),
      plain,
      plain.toLowerCase(),
      ` ${plain.slice(0, 4)} ${plain.slice(4, 8)} ${plain.slice(8)} `,
    ]) {
      expect(normalizeWristbandId(typed), typed).toBe(id);
    }
    const withZero = wristbandIdFromData('10Q0Q0Q0Q0');
    expect(normalizeWristbandId(withZero.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(withZero);
  });

  it('are read from a whole scanned top-up payload on either host', () => {
    const id = wristbandIdFromData('7K2Q9XQ4M3');
    const ppid = 'ca55a0000000000000000003';
    for (const host of ['pay.bancontact.net', 'payconiq.com', 'PAY.BANCONTACT.NET']) {
      expect(normalizeWristbandId(`https://${host}/t/1/${ppid}?D=Rock%20Werchter&A=2000&R=${id}`)).toBe(id);
      expect(normalizeWristbandId(`https://${host}/t/1/${ppid}?D=X&R=${compact(id).toLowerCase()}`)).toBe(id);
    }
  });

  it('explain why something is not an id', () => {
    const id = wristbandIdFromData('7K2Q9XQ4M3');
    expect(checkWristbandId('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkWristbandId(`${id}7`)).toEqual({ ok: false, problem: 'length' });
    expect(checkWristbandId(id.replace(/^./, '#'))).toEqual({ ok: false, problem: 'character' });
    expect(checkWristbandId(id.replace(/^7/, '8'))).toEqual({ ok: false, problem: 'check' });
    expect(checkWristbandId(`https://pay.bancontact.net/pay/2/0123456789abcdef01234567`)).toEqual({
      ok: false,
      problem: 'not_a_topup_code',
    });
    expect(checkWristbandId(`https://evil.example/t/1/ca55a0000000000000000003?R=${id}`)).toEqual({
      ok: false,
      problem: 'not_a_topup_code',
    });
    expect(checkWristbandId(`https://pay.bancontact.net/t/1/ca55a0000000000000000003?D=X`).ok).toBe(false);
  });

  it('draw every symbol about equally often and throw away the bytes that would bias them', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i += 1)
      for (const s of compact(generateWristbandId(randomBytes)).slice(0, 10))
        counts.set(s, (counts.get(s) ?? 0) + 1);
    // 30 000 draws over 31 symbols: about 968 each; a biased mapping of 256 byte values would skew some by 12 %.
    for (const s of WRISTBAND_ALPHABET) expect(counts.get(s) ?? 0).toBeGreaterThan(820);
    const biased = (): Uint8Array => new Uint8Array(16).fill(255);
    let calls = 0;
    const mostlyHigh = (n: number): Uint8Array => (calls++ === 0 ? biased() : new Uint8Array(n).fill(3));
    expect(generateWristbandId(mostlyHigh)).toBe(wristbandIdFromData('3333333333'));
  });
});
