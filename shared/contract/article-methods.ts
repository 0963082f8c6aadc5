import { z } from 'zod';
import { MAX_PAYMENT_CENTS } from '../domain/money';
import { recurringPlanSchema } from '../domain/recurring-plans';
import { out } from './method-spec';
import type { ArticleImportView, ArticleView } from './article-views';
import type { DownloadView } from './report-views';

const articleId = z.string().min(1).max(64);
/** A barcode a scanner types: letters and digits only, so a scan can never carry a separator or quote. */
export const BARCODE_PATTERN = /^[A-Za-z0-9]{1,32}$/;
export const ARTICLE_COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const ARTICLE_NAME_MAX = 40;
export const ARTICLE_CATEGORY_MAX = 40;
const oneLine = /^[^\p{Cc}]*$/u;

/** What an article is saved with; the VAT rate is checked by the station against the rates in force. */
export const articleInput = z
  .object({
    /** Absent: a new article. */
    id: articleId.optional(),
    name: z.string().trim().min(1).max(ARTICLE_NAME_MAX).regex(oneLine),
    priceCents: z.number().int().min(0).max(MAX_PAYMENT_CENTS),
    vatRate: z.number().int().min(0).max(100),
    category: z.string().trim().max(ARTICLE_CATEGORY_MAX).regex(oneLine).default(''),
    colour: z.string().regex(ARTICLE_COLOUR_PATTERN).default('#4a6fa5'),
    barcode: z.string().trim().regex(BARCODE_PATTERN).nullable().default(null),
    active: z.boolean().default(true),
    shopIds: z.array(z.string().min(1).max(64)).max(100).default([]),
    position: z.number().int().min(0).max(1_000_000).default(0),
    /**
     * Sold as a Bancontact payment agreement (a plan or an automatic top-up), null: sold once. Absent
     * when an article is changed: the plan it has is kept, so a price change never drops it.
     */
    recurringPlan: recurringPlanSchema.nullable().optional(),
  })
  .strict();

/** About 5,000 articles of ~150 bytes a line, with room for JSON's escaping. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/**
 * The article catalogue (issue 13, scope 2). Tills and bars read it; managers and administrators keep
 * it (`close`: the managers' permission, which financial staff and cashiers do not hold).
 */
export const articleMethods = {
  /** Ordered by category, position, name. `shopId`: only those sold there (articles for every shop too). */
  'articles.list': {
    permission: 'signedIn',
    input: z
      .object({ shopId: z.string().min(1).max(64).optional(), includeInactive: z.boolean().default(false) })
      .strict(),
    output: out<ArticleView[]>(),
  },
  /** Creates (no id) or updates an article; a barcode another article has is a CONFLICT naming it. */
  'articles.save': { permission: 'close', input: articleInput, output: out<ArticleView>() },
  /**
   * A catalogue CSV (`;` or `,`, prices `2,50` or `2.50`), all or nothing: any bad line answers one
   * INVALID_INPUT whose `details` name every bad line, column and problem, and nothing is imported.
   */
  'articles.import': {
    permission: 'close',
    input: z.object({ csv: z.string().min(1).max(MAX_IMPORT_BYTES) }).strict(),
    output: out<ArticleImportView>(),
    maxInputBytes: MAX_IMPORT_BYTES + 1024,
  },
  /** The whole catalogue as a CSV that imports again as is. */
  'articles.export': {
    permission: 'close',
    input: z.object({ separator: z.enum([';', ',']).optional() }).strict(),
    output: out<DownloadView>(),
  },
} as const;
