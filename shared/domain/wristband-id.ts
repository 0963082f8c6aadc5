import { parseTopupPayload } from './topup-payload';

/**
 * Wristband ids: 12 symbols in three groups of four, e.g. `7K2Q-9XQ4-M3PC` (docs/topup.md).
 *
 * - The alphabet has 31 symbols: digits and capitals without I, L, O, S and U, so that no two look
 *   alike on a printed band, and all of them are in the SEPA set. 31 is prime, which the check needs.
 * - Symbols 1–10 are random (31^10 ≈ 8·10^14 ids): an id is what a bar debits, so none may be guessed
 *   from another. Uniqueness across batches is the database's primary key, not the generator's.
 * - Symbols 11–12 are check characters chosen so that, with v_j the value of symbol j (j = 1…12),
 *   Σ v_j ≡ 0 and Σ j·v_j ≡ 0 (mod 31). Any one or two wrong symbols leave a non-zero sum: one error e
 *   shows in the first sum; two errors e_a, e_b that cancel there (e_b = −e_a) leave (a − b)·e_a in the
 *   second, not 0 mod a prime. So every single substitution, every swap of two symbols (neighbours or
 *   not) and every pair of substitutions is detected.
 */
export const WRISTBAND_ALPHABET = '0123456789ABCDEFGHJKMNPQRTVWXYZ';
const MODULUS = WRISTBAND_ALPHABET.length;
export const WRISTBAND_RANDOM_SYMBOLS = 10;
export const WRISTBAND_ID_SYMBOLS = WRISTBAND_RANDOM_SYMBOLS + 2;
/** Letters people type for the digits they look like; mapped before checking, never printed. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', S: '5' };

const VALUE = new Map<string, number>([...WRISTBAND_ALPHABET].map((symbol, value) => [symbol, value]));

/** A source of random bytes: node's `randomBytes` in the station, `crypto.getRandomValues` elsewhere. */
export type RandomBytes = (count: number) => Uint8Array;

function symbol(value: number): string {
  return WRISTBAND_ALPHABET[((value % MODULUS) + MODULUS) % MODULUS] ?? '0';
}

/** The two check symbols for ten data values (see above for the equations they solve). */
function checkSymbols(values: readonly number[]): string {
  let sum = 0;
  let weighted = 0;
  values.forEach((value, index) => {
    sum += value;
    weighted += (index + 1) * value;
  });
  const last = 11 * sum - weighted;
  const first = -sum - last;
  return symbol(first) + symbol(last);
}

function grouped(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

/** The id for ten data symbols, with its check symbols; used by the generator and by tests. */
export function wristbandIdFromData(data: string): string {
  const values = [...data].map((s) => VALUE.get(s));
  if (values.length !== WRISTBAND_RANDOM_SYMBOLS || values.some((v) => v === undefined))
    throw new Error(`Wristband data must be ${WRISTBAND_RANDOM_SYMBOLS} symbols of ${WRISTBAND_ALPHABET}`);
  return grouped(data + checkSymbols(values as number[]));
}

/** A fresh random id. Bytes ≥ 248 are drawn again, so that every symbol is equally likely. */
export function generateWristbandId(random: RandomBytes): string {
  let data = '';
  while (data.length < WRISTBAND_RANDOM_SYMBOLS) {
    for (const byte of random(16)) {
      if (byte >= 248 || data.length === WRISTBAND_RANDOM_SYMBOLS) continue;
      data += symbol(byte % MODULUS);
    }
  }
  return wristbandIdFromData(data);
}

export type WristbandIdProblem = 'empty' | 'not_a_topup_code' | 'length' | 'character' | 'check';
export type WristbandIdCheck = { ok: true; id: string } | { ok: false; problem: WristbandIdProblem };

function checksumHolds(compact: string): boolean {
  let sum = 0;
  let weighted = 0;
  for (let index = 0; index < compact.length; index += 1) {
    const value = VALUE.get(compact[index] ?? '') ?? 0;
    sum += value;
    weighted += (index + 1) * value;
  }
  return sum % MODULUS === 0 && weighted % MODULUS === 0;
}

/**
 * Reads what was typed or scanned: any case, with or without hyphens and spaces, or the whole top-up
 * payload a keyboard-wedge scanner types (`https://pay.bancontact.net/t/1/{PPID}?D=…&A=…&R=…`, or the
 * payconiq.com host), from which R is taken.
 */
export function checkWristbandId(input: string): WristbandIdCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let raw = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const reference = parseTopupPayload(text)?.reference;
    if (!reference) return { ok: false, problem: 'not_a_topup_code' };
    raw = reference;
  }
  const compact = [...raw.replace(/[\s-]/g, '').toUpperCase()].map((c) => LOOK_ALIKES[c] ?? c).join('');
  if (compact.length !== WRISTBAND_ID_SYMBOLS) return { ok: false, problem: 'length' };
  if ([...compact].some((c) => !VALUE.has(c))) return { ok: false, problem: 'character' };
  if (!checksumHolds(compact)) return { ok: false, problem: 'check' };
  return { ok: true, id: grouped(compact) };
}

/** The canonical id (`XXXX-XXXX-XXXX`) in what was typed or scanned, or null when it is not a valid one. */
export function normalizeWristbandId(input: string): string | null {
  const checked = checkWristbandId(input);
  return checked.ok ? checked.id : null;
}

/** True only for an id in its canonical, printed form. */
export function isWristbandId(text: string): boolean {
  return normalizeWristbandId(text) === text;
}
