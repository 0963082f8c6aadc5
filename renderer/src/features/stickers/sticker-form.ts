import type { TFunction } from 'i18next';
import { parseAmount } from '../../../../shared/domain/money';
import {
  MAX_SHOP_NAME,
  MAX_STICKER_TEXT,
  POS_ID_PATTERN,
  configurableProblems,
  readPrintedSticker,
  type StickerFieldError,
} from '../../../../shared/domain/sticker-payload';

/** What the sticker forms hold, as typed. */
export interface StickerFormValues {
  shopName: string;
  ppid: string;
  posId: string;
  amount: string;
  reference: string;
  description: string;
  oldPayload: string;
}

export const EMPTY_STICKER_FORM: StickerFormValues = {
  shopName: '',
  ppid: '',
  posId: '',
  amount: '',
  reference: '',
  description: '',
  oldPayload: '',
};

export type FormCheck<T> = { ok: true; input: T } | { ok: false; errors: StickerFieldError[] };

function shopNameProblem(name: string): StickerFieldError | null {
  const trimmed = name.trim();
  if (trimmed === '') return { field: 'shopName', problem: 'required' };
  return trimmed.length > MAX_SHOP_NAME ? { field: 'shopName', problem: 'tooLong' } : null;
}

function posIdProblem(posId: string): StickerFieldError | null {
  if (posId.trim() === '') return { field: 'posId', problem: 'required' };
  return POS_ID_PATTERN.test(posId.trim()) ? null : { field: 'posId', problem: 'invalid' };
}

/** The fixed sticker's fields, checked as the station would before it is asked. */
export function checkFixed(
  values: StickerFormValues,
): FormCheck<{ shopName: string; ppid: string; posId: string }> {
  const ppid = values.ppid.trim();
  const errors = [
    ...configurableProblems({ ppid }).filter((e) => e.field === 'ppid'),
    shopNameProblem(values.shopName),
    posIdProblem(values.posId),
  ].filter((e): e is StickerFieldError => e !== null);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, input: { shopName: values.shopName.trim(), ppid, posId: values.posId.trim() } };
}

/** Empty: no amount (the payer types it); otherwise euros as typed at the till, within 0,01 … 9 999,99. */
function amountCents(text: string): number | null | StickerFieldError {
  if (text.trim() === '') return null;
  const parsed = parseAmount(text);
  if (parsed.ok) return parsed.cents;
  if (parsed.problem === 'too_large') return { field: 'amount', problem: 'tooLarge' };
  return {
    field: 'amount',
    problem: parsed.problem === 'zero' || parsed.problem === 'negative' ? 'tooSmall' : 'invalid',
  };
}

export interface ConfigurableFormInput {
  ppid: string;
  amountCents: number | null;
  reference: string | null;
  description: string | null;
}

/** The configurable sticker's fields within Bancontact's limits: amount, reference and description optional. */
export function checkConfigurable(values: StickerFormValues): FormCheck<ConfigurableFormInput> {
  const amount = amountCents(values.amount);
  const input = {
    ppid: values.ppid.trim(),
    amountCents: typeof amount === 'number' ? amount : null,
    reference: values.reference.trim() || null,
    description: values.description.trim() || null,
  };
  // The seed's limits (1 … 999 999 cents, 35 characters) are the station's own check, shared.
  const errors = configurableProblems(input);
  if (amount !== null && typeof amount === 'object') errors.push(amount);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** A printed sticker's payload (or generator URL), and for a fixed one the shop name it prints. */
export function checkReissue(
  values: StickerFormValues,
): FormCheck<{ oldPayload: string; shopName?: string }> {
  const oldPayload = values.oldPayload.trim();
  if (oldPayload === '') return { ok: false, errors: [{ field: 'oldPayload', problem: 'required' }] };
  const printed = readPrintedSticker(oldPayload);
  if (!printed) return { ok: false, errors: [{ field: 'oldPayload', problem: 'unknownSticker' }] };
  if (printed.kind === 'configurable') return { ok: true, input: { oldPayload } };
  const problem = shopNameProblem(values.shopName);
  return problem
    ? { ok: false, errors: [problem] }
    : { ok: true, input: { oldPayload, shopName: values.shopName.trim() } };
}

/** One problem as the user reads it, naming the field by its translated label. */
export function problemText(t: TFunction, error: StickerFieldError): string {
  const field = t(`stickers.fields.${error.field}`);
  const limits = { max: MAX_STICKER_TEXT, maxShop: MAX_SHOP_NAME };
  const key = error.field === 'shopName' && error.problem === 'tooLong' ? 'tooLongShop' : error.problem;
  return t(`stickers.problems.${key}`, { field, ...limits });
}
