import type { BusinessIdentity, SalesSetupView, ShopSetup, TillSetup } from '../../../../shared/contract';
import { formatDay, localTime } from '../../../../shared/domain/business-day';
import { parseAmount, type Locale } from '../../../../shared/domain/money';
import { checkBelgianVatNumber } from '../../../../shared/domain/vat-number';
import {
  vatRatePeriodProblem,
  vatRatesInForce,
  type VatRatePeriod,
} from '../../../../shared/domain/vat-rates';

/*
 * The setup screen's rules, kept out of the components: what a field's problem is (so the screen says
 * it in the user's language before the station is asked), and how shops are found.
 */

export type IdentityProblem = 'name' | 'vatFormat' | 'vatCheck' | 'website';
export type IdentityProblems = Partial<Record<keyof BusinessIdentity | 'id', IdentityProblem | 'id'>>;

const WEBSITE = /^(https?:\/\/)?[^\s/]+\.[^\s]+$/;
const SHOP_ID = /^[A-Za-z0-9._-]{1,32}$/;

/** Lower case without accents: "Liège" is found by "liege". */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** A shop matches when its name, id or address (the place) holds every word of the query. */
export function matchesShop(shop: ShopSetup, query: string): boolean {
  const haystack = folded(`${shop.name} ${shop.id} ${shop.address}`);
  return folded(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function identityProblems(identity: BusinessIdentity, nameRequired: boolean): IdentityProblems {
  const problems: IdentityProblems = {};
  if (nameRequired && identity.name.trim() === '') problems.name = 'name';
  const website = identity.website.trim();
  if (website !== '' && !WEBSITE.test(website)) problems.website = 'website';
  const vat = identity.vatNumber.trim();
  if (vat !== '') {
    const checked = checkBelgianVatNumber(vat);
    if (!checked.ok) problems.vatNumber = checked.problem === 'format' ? 'vatFormat' : 'vatCheck';
  }
  return problems;
}

/** A new shop's id: letters, digits, dot, dash or underscore, and not one another shop has. */
export function shopIdProblem(id: string, shops: readonly ShopSetup[]): 'id' | null {
  return SHOP_ID.test(id) && !shops.some((shop) => shop.id === id) ? null : 'id';
}

export const EMPTY_IDENTITY: BusinessIdentity = { name: '', address: '', website: '', vatNumber: '' };

export function todayInBrussels(now: number): string {
  return formatDay(localTime(now).day);
}

export function ratesInForce(setup: Pick<SalesSetupView, 'vatRates'>, now: number): number[] {
  return vatRatesInForce(setup.vatRates, todayInBrussels(now));
}

/** A row of the VAT rates editor, as typed. */
export interface RateDraft {
  rate: string;
  from: string;
  until: string;
}

export type RateProblem = 'rate' | 'from' | 'until';

/** The periods to send, or the first row and what is wrong with it. */
export function ratePeriods(
  rows: readonly RateDraft[],
): VatRatePeriod[] | { row: number; problem: RateProblem } {
  const periods: VatRatePeriod[] = [];
  for (const [row, draft] of rows.entries()) {
    const rate = Number(draft.rate);
    if (draft.rate.trim() === '' || !Number.isInteger(rate) || rate < 0 || rate > 100)
      return { row, problem: 'rate' };
    const period: VatRatePeriod = { rate, from: draft.from, ...(draft.until ? { until: draft.until } : {}) };
    const problem = vatRatePeriodProblem(period);
    if (problem === 'from-not-a-date') return { row, problem: 'from' };
    if (problem) return { row, problem: 'until' };
    periods.push(period);
  }
  return periods;
}

export const rateDrafts = (rates: readonly VatRatePeriod[]): RateDraft[] =>
  rates.map((r) => ({ rate: String(r.rate), from: r.from, until: r.until ?? '' }));

/** The confirm-above amount typed in euros (`500`, `500,00`), in cents; null when it is no amount. */
export function confirmAboveCents(text: string): number | null {
  const parsed = parseAmount(text);
  return parsed.ok && parsed.cents >= 100 && parsed.cents <= 99_999_999 ? parsed.cents : null;
}

/** `50000` → `500,00` (`500.00` in English): what parseAmount reads back, without thousands marks. */
export function centsText(cents: number, locale: Locale): string {
  const text = (cents / 100).toFixed(2);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A till's row as typed: empty strings for "the station's default". */
export interface TillDraft {
  tillId: string;
  shopId: string;
  vatRate: string;
  stickerPosId: string;
  /** Not edited here (the staff screens name cashiers); kept as it was. */
  cashierId?: string;
}

const TILL_ID = /^[A-Za-z0-9._-]{1,32}$/;
const POS_ID = /^[A-Za-z0-9]{1,36}$/;

/** The tills to send, or the first row that is wrong (an id, a sticker id, a till named twice). */
export function tillsToSend(rows: readonly TillDraft[]): TillSetup[] | { row: number } {
  const tills: TillSetup[] = [];
  for (const [row, draft] of rows.entries()) {
    const tillId = draft.tillId.trim();
    const sticker = draft.stickerPosId.trim();
    if (!TILL_ID.test(tillId) || tills.some((till) => till.tillId === tillId)) return { row };
    if (sticker !== '' && !POS_ID.test(sticker)) return { row };
    tills.push({
      tillId,
      ...(draft.shopId ? { shopId: draft.shopId } : {}),
      ...(draft.vatRate ? { vatRate: Number(draft.vatRate) } : {}),
      ...(draft.cashierId ? { cashierId: draft.cashierId } : {}),
      ...(sticker ? { stickerPosId: sticker } : {}),
    });
  }
  return tills;
}
