import type { RecurringPlan } from '../domain/recurring-plans';

/** One article of the catalogue, as every till, the Articles screen and the CSV export see it. */
export interface ArticleView {
  id: string;
  name: string;
  /** Price including VAT, in cents. */
  priceCents: number;
  /** Percent: one of the rates in force (21, 12, 6, 0). */
  vatRate: number;
  /** '' when the article has none; the till groups its grid by category. */
  category: string;
  /** The till button's colour, `#rrggbb`. */
  colour: string;
  /** What a scanner reads (EAN, UPC or any code of letters and digits); null when it has none. */
  barcode: string | null;
  /** Inactive articles stay for the sales that name them but are no longer sold. */
  active: boolean;
  /** The shops that sell it; `[]` means every shop. */
  shopIds: string[];
  /** Order within its category on the till's grid. */
  position: number;
  /**
   * Sold as a Bancontact payment agreement: a plan (the price every period) or an automatic top-up of a
   * wristband; null: an ordinary article, sold once. The till sells the former by agreement.
   */
  recurringPlan: RecurringPlan | null;
}

/** What `articles.import` did; an import is all or nothing, so this only answers a good file. */
export interface ArticleImportView {
  created: number;
  updated: number;
  /** Lines equal to the article already stored (an export imported again changes nothing). */
  unchanged: number;
}

/**
 * What can be wrong with one field of a catalogue CSV line (INVALID_INPUT `details[].problem`); the
 * Articles screen translates each (`articles.problem.<code>`).
 */
export const ARTICLE_CSV_PROBLEMS = [
  /** The header lacks a column the catalogue needs (name, price or VAT rate). */
  'missingColumn',
  /** A column the catalogue does not know. */
  'unknownColumn',
  /** The line has more or fewer cells than the header. */
  'cellCount',
  'required',
  'tooLong',
  /** Not an amount in euros (`2,50` or `2.50`, at most two decimals). */
  'notAnAmount',
  'outOfRange',
  'notAVatRate',
  /** Not `#rrggbb`. */
  'notAColour',
  /** Not 1–32 letters and digits. */
  'notABarcode',
  /** Another line of the file has the same barcode. */
  'duplicateBarcode',
  /** Another article already has this barcode. */
  'barcodeTaken',
  /** Not yes/no (ja/nee, oui/non, true/false, 1/0). */
  'notYesNo',
  'notANumber',
  'unknownShop',
  /** An id given that no article has (leave it empty to create one). */
  'unknownId',
  /** The same id on two lines. */
  'duplicateId',
  /** The file is not readable CSV (an unclosed quote, …). */
  'unreadable',
  /** The file holds no article at all. */
  'empty',
  /** More lines than one import takes. */
  'tooManyLines',
  /** Not once, plan or auto top-up (in NL, FR or EN). */
  'notAPlanKind',
  /** Not week, month, quarter or year (in NL, FR or EN). */
  'notAPeriod',
  /** A plan's or a top-up's column filled on a line sold once, or a plan's on a top-up's line. */
  'notForThisKind',
  /** An automatic top-up must add more than its threshold. */
  'topupNotAboveThreshold',
  /** An article sold as an agreement needs a price above zero. */
  'planNeedsPrice',
] as const;
export type ArticleCsvProblem = (typeof ARTICLE_CSV_PROBLEMS)[number];

/** The most articles one import takes (a large shop's catalogue is a few thousand). */
export const MAX_IMPORT_ARTICLES = 10_000;
