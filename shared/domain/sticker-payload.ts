import {
  CURRENT_PAYLOAD_HOST,
  LEGACY_PAYLOAD_HOST,
  MAX_TEMPLATE_TEXT,
  encodeTemplateValue,
  type PayloadHost,
} from './topup-payload';

/**
 * What a printed sticker carries (Bancontact's Static QR and Receipt/Invoice guides, seed 002):
 * - fixed (static POS) sticker: `https://{host}/l/1/{PPID}/{posId}`; the till starts each payment for
 *   that posId, so the code itself carries no amount;
 * - configurable sticker: `https://{host}/t/1/{PPID}?D=&A=&R=`, every parameter optional.
 * Shared by the station (which makes the codes) and the screen (which checks the form before asking).
 */
export const STICKER_LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type StickerLanguage = (typeof STICKER_LANGUAGES)[number];
export const STICKER_SIZES = { S: 180, M: 250, L: 400, XL: 800 } as const;
export type StickerSize = keyof typeof STICKER_SIZES;
/** The seed's amount limits for a configurable code, in cents: 1 … 999 999. */
export const MIN_STICKER_CENTS = 1;
export const MAX_STICKER_CENTS = 999_999;
export const MAX_STICKER_TEXT = MAX_TEMPLATE_TEXT;
export const MAX_SHOP_NAME = 60;
export const PPID_PATTERN = /^[A-Za-z0-9]{1,64}$/;
/** Bancontact's posId: 1 to 36 letters and digits. */
export const POS_ID_PATTERN = /^[A-Za-z0-9]{1,36}$/;

export type StickerField =
  'ppid' | 'posId' | 'shopName' | 'amount' | 'reference' | 'description' | 'oldPayload';
export type StickerProblem = 'required' | 'invalid' | 'tooLong' | 'tooSmall' | 'tooLarge' | 'unknownSticker';
export interface StickerFieldError {
  field: StickerField;
  problem: StickerProblem;
}

export interface ConfigurableInput {
  ppid: string;
  amountCents?: number | null;
  reference?: string | null;
  description?: string | null;
}

// Control characters would print as nothing and confuse the payer's app.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function textProblem(field: StickerField, value: string | null | undefined): StickerFieldError | null {
  if (value === null || value === undefined || value === '') return null;
  if (value.length > MAX_STICKER_TEXT) return { field, problem: 'tooLong' };
  if (CONTROL.test(value) || value.trim() !== value) return { field, problem: 'invalid' };
  return null;
}

/** Every problem of a configurable sticker's values (empty list: it can be made). */
export function configurableProblems(input: ConfigurableInput): StickerFieldError[] {
  const problems: StickerFieldError[] = [];
  if (!PPID_PATTERN.test(input.ppid))
    problems.push({ field: 'ppid', problem: input.ppid ? 'invalid' : 'required' });
  const amount = input.amountCents ?? null;
  if (amount !== null && !Number.isInteger(amount)) problems.push({ field: 'amount', problem: 'invalid' });
  else if (amount !== null && amount < MIN_STICKER_CENTS)
    problems.push({ field: 'amount', problem: 'tooSmall' });
  else if (amount !== null && amount > MAX_STICKER_CENTS)
    problems.push({ field: 'amount', problem: 'tooLarge' });
  for (const [field, value] of [
    ['reference', input.reference],
    ['description', input.description],
  ] as const) {
    const problem = textProblem(field, value);
    if (problem) problems.push(problem);
  }
  return problems;
}

export function fixedStickerPayload(
  ppid: string,
  posId: string,
  host: PayloadHost = CURRENT_PAYLOAD_HOST,
): string {
  return `https://${host}/l/1/${ppid}/${posId}`;
}

/** The template payload, in the guide's order D, A, R; absent values are left out. */
export function configurableStickerPayload(
  input: ConfigurableInput,
  host: PayloadHost = CURRENT_PAYLOAD_HOST,
): string {
  const parts: string[] = [];
  if (input.description) parts.push(`D=${encodeTemplateValue(input.description)}`);
  if (input.amountCents) parts.push(`A=${String(input.amountCents)}`);
  if (input.reference) parts.push(`R=${encodeTemplateValue(input.reference)}`);
  const query = parts.length > 0 ? `?${parts.join('&')}` : '';
  return `https://${host}/t/1/${input.ppid}${query}`;
}

export type PrintedSticker =
  | { kind: 'fixed'; host: string; ppid: string; posId: string }
  | ({ kind: 'configurable'; host: string } & ConfigurableInput);

const FIXED_PATH = /^\/l\/1\/([A-Za-z0-9]{1,64})\/([A-Za-z0-9]{1,36})\/?$/;
const TEMPLATE_PATH = /^\/t\/1\/([A-Za-z0-9]{1,64})\/?$/;

function configurableFrom(url: URL, host: string, ppid: string): PrintedSticker | null {
  const amountText = url.searchParams.get('A');
  const amountCents = amountText === null ? null : /^\d{1,6}$/.test(amountText) ? Number(amountText) : NaN;
  const sticker = {
    kind: 'configurable' as const,
    host,
    ppid,
    amountCents,
    reference: url.searchParams.get('R'),
    description: url.searchParams.get('D'),
  };
  return configurableProblems(sticker).length === 0 ? sticker : null;
}

/**
 * Reads a sticker's payload as printed (either host, or the URL of Bancontact's generator with the
 * payload in `c=`), or null when it is no sticker Kassa can make again.
 */
export function readPrintedSticker(text: string): PrintedSticker | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const inner = url.searchParams.get('c');
  if (url.hostname.toLowerCase().startsWith('qrcodegenerator.') && inner) return readPrintedSticker(inner);
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || (host !== CURRENT_PAYLOAD_HOST && host !== LEGACY_PAYLOAD_HOST))
    return null;
  const fixed = FIXED_PATH.exec(url.pathname);
  if (fixed?.[1] && fixed[2]) return { kind: 'fixed', host, ppid: fixed[1], posId: fixed[2] };
  const template = TEMPLATE_PATH.exec(url.pathname);
  return template?.[1] ? configurableFrom(url, host, template[1]) : null;
}
