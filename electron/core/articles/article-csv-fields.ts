import {
  ARTICLE_CATEGORY_MAX,
  ARTICLE_COLOUR_PATTERN,
  ARTICLE_NAME_MAX,
  BARCODE_PATTERN,
} from '../../../shared/contract/article-methods';
import type { ArticleCsvProblem } from '../../../shared/contract/article-views';
import { MAX_PAYMENT_CENTS } from '../../../shared/domain/money';

/** The catalogue's columns, in the order an export writes them. */
export const ARTICLE_COLUMNS = [
  'id',
  'name',
  'price',
  'vat',
  'category',
  'colour',
  'barcode',
  'active',
  'shops',
  'position',
  // Sold as a payment agreement (article-csv-plan.ts).
  'plan',
  'period',
  'charges',
  'threshold',
  'topup',
] as const;
export type ArticleColumn = (typeof ARTICLE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ArticleColumn[] = ['name', 'price', 'vat'];

/** Header names in English, Dutch and French (lower case, without accents, `%` or spaces). */
const HEADER_NAMES: Record<string, ArticleColumn> = {
  ...aliases('id', ['id']),
  ...aliases('name', ['name', 'naam', 'nom', 'article', 'artikel']),
  ...aliases('price', ['price', 'prijs', 'prix']),
  ...aliases('vat', ['vat', 'vatrate', 'btw', 'tva', 'btwtarief', 'tauxtva']),
  ...aliases('category', ['category', 'categorie', 'groep']),
  ...aliases('colour', ['colour', 'color', 'kleur', 'couleur']),
  ...aliases('barcode', ['barcode', 'ean', 'streepjescode', 'codebarres']),
  ...aliases('active', ['active', 'actief', 'actif']),
  ...aliases('shops', ['shops', 'shop', 'winkels', 'winkel', 'magasins', 'magasin', 'boutiques']),
  ...aliases('position', ['position', 'positie', 'volgorde', 'ordre']),
  ...aliases('plan', ['plan', 'soldas', 'verkochtals', 'venducomme', 'formule']),
  ...aliases('period', ['period', 'periode', 'periodicite']),
  ...aliases('charges', ['charges', 'chargecount', 'aantalbetalingen', 'betalingen', 'prelevements']),
  ...aliases('threshold', ['threshold', 'drempel', 'seuil']),
  ...aliases('topup', ['topup', 'opwaardering', 'opwaarderen', 'recharge', 'rechargement']),
};

function aliases(column: ArticleColumn, names: string[]): Record<string, ArticleColumn> {
  return Object.fromEntries(names.map((name) => [name, column]));
}

/** The column a header cell names, or null for one the catalogue does not know. */
export function columnOf(header: string): ArticleColumn | null {
  const key = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s%_()-]/g, '');
  return HEADER_NAMES[key] ?? null;
}

export type Cell<T> = { ok: true; value: T } | { ok: false; problem: ArticleCsvProblem };
const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (problem: ArticleCsvProblem): Cell<never> => ({ ok: false, problem });
const ONE_LINE = /^[^\p{Cc}]*$/u;

export function textCell(cell: string, max: number, required: boolean): Cell<string> {
  const value = cell.trim();
  if (required && value === '') return bad('required');
  if ([...value].length > max) return bad('tooLong');
  return ONE_LINE.test(value) ? ok(value) : bad('unreadable');
}

export const nameCell = (cell: string) => textCell(cell, ARTICLE_NAME_MAX, true);
export const categoryCell = (cell: string) => textCell(cell, ARTICLE_CATEGORY_MAX, false);

/** Euros with a decimal comma or point (`2,50`, `2.50`, `€ 3`), into cents. */
export function priceCell(cell: string): Cell<number> {
  const value = cell.replace(/[€\s]/g, '');
  if (value === '') return bad('required');
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(value);
  if (!match) return bad('notAnAmount');
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_PAYMENT_CENTS ? ok(cents) : bad('outOfRange');
}

/** A rate in force, written `21`, `21%` or `21,0`. */
export function vatCell(cell: string, rates: readonly number[]): Cell<number> {
  const value = cell.replace(/[%\s]/g, '');
  if (value === '') return bad('required');
  const match = /^(\d{1,3})(?:[.,]0+)?$/.exec(value);
  const rate = match ? Number(match[1]) : NaN;
  return rates.includes(rate) ? ok(rate) : bad('notAVatRate');
}

export function colourCell(cell: string): Cell<string | null> {
  const value = cell.trim();
  if (value === '') return ok(null);
  const withHash = value.startsWith('#') ? value : `#${value}`;
  return ARTICLE_COLOUR_PATTERN.test(withHash) ? ok(withHash.toLowerCase()) : bad('notAColour');
}

export function barcodeCell(cell: string): Cell<string | null> {
  const value = cell.trim();
  if (value === '') return ok(null);
  return BARCODE_PATTERN.test(value) ? ok(value) : bad('notABarcode');
}

const YES = new Set(['yes', 'ja', 'oui', 'true', '1', 'y', 'j', 'o', 'x']);
const NO = new Set(['no', 'nee', 'non', 'false', '0', 'n']);

/** Empty means active: a new catalogue lists what is sold. */
export function activeCell(cell: string): Cell<boolean> {
  const value = cell.trim().toLowerCase();
  if (value === '' || YES.has(value)) return ok(true);
  return NO.has(value) ? ok(false) : bad('notYesNo');
}

export function positionCell(cell: string): Cell<number> {
  const value = cell.trim();
  if (value === '') return ok(0);
  if (!/^\d{1,7}$/.test(value)) return bad('notANumber');
  const position = Number(value);
  return position <= 1_000_000 ? ok(position) : bad('outOfRange');
}

/** Shops by id or by name, separated by `|` (the CSV's own separators are taken); empty: every shop. */
export function shopsCell(cell: string, shops: ReadonlyArray<{ id: string; name: string }>): Cell<string[]> {
  const names = cell
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
  const ids: string[] = [];
  for (const name of names) {
    const shop =
      shops.find((known) => known.id === name) ??
      shops.find((known) => known.name.toLowerCase() === name.toLowerCase());
    if (!shop) return bad('unknownShop');
    if (!ids.includes(shop.id)) ids.push(shop.id);
  }
  return ok(ids);
}
