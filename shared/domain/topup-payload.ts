import { isSepaText } from './sepa-charset';
import { MAX_TOPUP_CODE_CENTS, type TopupAmountMode } from './topup';

/**
 * The content of a printed top-up (template) code, per Bancontact's Top Up guide:
 * `https://pay.bancontact.net/t/1/{PPID}?D={description}&A={cents}&R={reference}`, each value URL-encoded.
 */
export const CURRENT_PAYLOAD_HOST = 'pay.bancontact.net';
/** The Payconiq-era host: only when the organiser asks for it (the guide retires it from 11 May 2026). */
export const LEGACY_PAYLOAD_HOST = 'payconiq.com';
export const PAYLOAD_HOSTS = [CURRENT_PAYLOAD_HOST, LEGACY_PAYLOAD_HOST] as const;
export type PayloadHost = (typeof PAYLOAD_HOSTS)[number];

/** Bancontact's image generator; its `c=` carries the whole payload, encoded once more. */
export const QR_GENERATOR_URL = 'https://qrcodegenerator.api.bancontact.net/qrcode';

export const MAX_TEMPLATE_TEXT = 35;
const PPID = /^[A-Za-z0-9]{1,64}$/;

export interface TopupPayloadInput {
  ppid: string;
  amountMode: TopupAmountMode;
  /** D: 1 … 35 SEPA characters. */
  description: string;
  /** A, in cents: required for modifiable and fixed codes, absent for open ones. */
  amountCents?: number | null;
  /** R: the wristband id, 1 … 35 SEPA characters. */
  reference: string;
  host?: PayloadHost;
}

export class TopupPayloadError extends Error {
  constructor(
    readonly field: 'ppid' | 'description' | 'amountCents' | 'reference',
    message: string,
  ) {
    super(message);
    this.name = 'TopupPayloadError';
  }
}

/**
 * "UTF-8 URL encoded" as strictly as RFC 3986 reads: besides what encodeURIComponent escapes, the
 * SEPA characters `'`, `(` and `)` are escaped too, and `+` becomes `%2B` so no reader takes it for a space.
 */
export function encodeTemplateValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Why a description cannot go into a code, or null when it can. */
export function descriptionProblem(description: string): string | null {
  if (description.length === 0) return 'The description is empty';
  if (description.length > MAX_TEMPLATE_TEXT)
    return `The description has more than ${MAX_TEMPLATE_TEXT} characters`;
  if (!isSepaText(description, MAX_TEMPLATE_TEXT))
    return "The description may only hold letters a-z A-Z, digits, space and / - ? : ( ) . , ' +";
  return null;
}

function validate(input: TopupPayloadInput): void {
  if (!PPID.test(input.ppid))
    throw new TopupPayloadError('ppid', 'The PPID must be 1 to 64 letters or digits');
  const problem = descriptionProblem(input.description);
  if (problem) throw new TopupPayloadError('description', problem);
  if (!isSepaText(input.reference, MAX_TEMPLATE_TEXT))
    throw new TopupPayloadError('reference', 'The reference must be 1 to 35 SEPA characters');
  const amount = input.amountCents ?? null;
  if (input.amountMode === 'open') {
    if (amount !== null) throw new TopupPayloadError('amountCents', 'Open codes carry no amount');
  } else if (amount === null || !Number.isInteger(amount) || amount < 1 || amount > MAX_TOPUP_CODE_CENTS) {
    throw new TopupPayloadError(
      'amountCents',
      `A ${input.amountMode} code needs 1 to ${MAX_TOPUP_CODE_CENTS} cents`,
    );
  }
}

/** The payload a top-up code carries. A is only there for modifiable and fixed codes. */
export function buildTopupPayload(input: TopupPayloadInput): string {
  validate(input);
  const host = input.host ?? CURRENT_PAYLOAD_HOST;
  const amount = input.amountMode === 'open' ? '' : `&A=${String(input.amountCents)}`;
  const d = encodeTemplateValue(input.description);
  return `https://${host}/t/1/${input.ppid}?D=${d}${amount}&R=${encodeTemplateValue(input.reference)}`;
}

export type GeneratorFormat = 'PNG' | 'SVG';
export type GeneratorSize = 'S' | 'M' | 'L' | 'XL';

/** Bancontact's generator URL for a payload: the payload is encoded again inside `c=`; `s` only for PNG. */
export function qrGeneratorUrl(
  payload: string,
  format: GeneratorFormat = 'PNG',
  size?: GeneratorSize,
): string {
  const sizePart = format === 'PNG' && size ? `&s=${size}` : '';
  return `${QR_GENERATOR_URL}?f=${format}${sizePart}&c=${encodeURIComponent(payload)}`;
}

export interface ScannedTopupCode {
  host: string;
  ppid: string;
  description: string | null;
  amount: string | null;
  reference: string | null;
}

/**
 * Reads a scanned top-up code on either payload host (or a PREPROD `pay.*.bancontact.net` one);
 * null for anything else. The values come back decoded.
 */
export function parseTopupPayload(text: string): ScannedTopupCode | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const knownHost =
    host === CURRENT_PAYLOAD_HOST ||
    host === LEGACY_PAYLOAD_HOST ||
    /^pay\.[a-z0-9-]+\.bancontact\.net$/.test(host);
  const path = /^\/t\/1\/([A-Za-z0-9]{1,64})\/?$/.exec(url.pathname);
  if (url.protocol !== 'https:' || !knownHost || !path?.[1]) return null;
  const get = (name: string): string | null => url.searchParams.get(name);
  return { host, ppid: path[1], description: get('D'), amount: get('A'), reference: get('R') };
}
