import { eq } from 'drizzle-orm';
import type { ArticleImportView, ArticleView } from '../../../shared/contract/article-views';
import { ContractFailure, type FieldProblem } from '../../../shared/contract/errors';
import { newId } from '../db/ids';
import type { StationDb, StationTx } from '../db/open-station-database';
import { articles } from '../db/station-schema';
import { parseArticleCsv } from './article-csv';
import { planImport } from './article-import-plan';
import {
  articleView,
  catalogueOrder,
  sameFields,
  soldIn,
  storedFields,
  type ArticleFields,
} from './article-rows';

export interface ArticleServiceDeps {
  /** The station database (the site's on PostgreSQL): articles are shared by every mode and station. */
  db: () => StationDb;
  now: () => number;
  /** The VAT rates in force today, in percent. */
  vatRates: () => readonly number[];
  /** The shops of the sales setup (ids and names). */
  shops: () => ReadonlyArray<{ id: string; name: string }>;
  /** Told after every committed change, so tills fetch their grid again. */
  changed: () => void;
}

export type ArticleService = ReturnType<typeof createArticleService>;

/** What `articles.save` takes: without a plan (absent), an article keeps the one it has. */
export type ArticleSave = Omit<ArticleFields, 'recurringPlan'> & {
  id?: string;
  recurringPlan?: ArticleFields['recurringPlan'];
};

/** The catalogue: read by every till, kept by managers (by hand or by CSV), never deleted. */
export function createArticleService(deps: ArticleServiceDeps) {
  const all = (): Promise<ArticleView[]> => deps.db().read(selectAll);
  return {
    all,
    async list(filter: { shopId?: string; includeInactive: boolean }): Promise<ArticleView[]> {
      const views = await all();
      return views
        .filter((view) => filter.includeInactive || view.active)
        .filter((view) => !filter.shopId || soldIn(view, filter.shopId));
    },
    async save(input: ArticleSave): Promise<ArticleView> {
      checkFields(input, deps);
      const saved = await deps.db().write((tx) => saveOne(tx, input, deps.now()));
      deps.changed();
      return saved;
    },
    async importCsv(csv: string): Promise<ArticleImportView> {
      const parsed = parseArticleCsv(csv, { vatRates: deps.vatRates(), shops: deps.shops() });
      const result = await deps.db().write(async (tx) => {
        const plan = planImport(parsed, await selectAll(tx));
        if (plan.problems.length > 0) throw invalidFile(plan.problems);
        await applyImport(tx, plan, deps.now());
        return plan.counts;
      });
      if (result.created + result.updated > 0) deps.changed();
      return result;
    },
  };
}

async function selectAll(q: StationTx): Promise<ArticleView[]> {
  const rows = await q.select().from(articles);
  return rows.map(articleView).sort(catalogueOrder);
}

/** The rules zod cannot know: the rates in force today and the shops of the sales setup. */
function checkFields(input: ArticleSave, deps: Pick<ArticleServiceDeps, 'vatRates' | 'shops'>): void {
  const fields: string[] = [];
  // An agreement charges the price (a plan's every period, a top-up's first): nothing is no charge.
  if (input.recurringPlan && input.priceCents === 0) fields.push('priceCents');
  if (!deps.vatRates().includes(input.vatRate)) fields.push('vatRate');
  const shops = new Set(deps.shops().map((shop) => shop.id));
  if (input.shopIds.some((id) => !shops.has(id))) fields.push('shopIds');
  if (fields.length > 0) {
    throw new ContractFailure('INVALID_INPUT', `Check: ${fields.join(', ')}`, { fields });
  }
}

async function saveOne(tx: StationTx, input: ArticleSave, now: number) {
  if (input.barcode !== null) await assertBarcodeFree(tx, input.barcode, input.id);
  const { id, recurringPlan, ...rest } = input;
  if (id === undefined) {
    const fields = { ...rest, recurringPlan: recurringPlan ?? null };
    const row = { id: newId(), ...storedFields(fields), createdAt: now, updatedAt: now };
    await tx.insert(articles).values(row);
    return articleView(row);
  }
  const [existing] = await tx.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!existing) throw new ContractFailure('NOT_FOUND', `No article ${id}`);
  const view = articleView(existing);
  const fields = { ...rest, recurringPlan: recurringPlan === undefined ? view.recurringPlan : recurringPlan };
  // The plan kept from before needs a price as much as a new one.
  if (fields.recurringPlan && fields.priceCents === 0) {
    throw new ContractFailure('INVALID_INPUT', 'Check: priceCents', { fields: ['priceCents'] });
  }
  if (sameFields(view, fields)) return view;
  const [updated] = await tx
    .update(articles)
    .set({ ...storedFields(fields), updatedAt: now })
    .where(eq(articles.id, id))
    .returning();
  return articleView(updated ?? existing);
}

/** A barcode names one article: a scan must never add one of two. */
async function assertBarcodeFree(tx: StationTx, barcode: string, ownId: string | undefined): Promise<void> {
  const [other] = await tx.select().from(articles).where(eq(articles.barcode, barcode)).limit(1);
  if (!other || other.id === ownId) return;
  throw new ContractFailure('CONFLICT', `Barcode ${barcode} is already ${other.name}'s`, {
    fields: ['barcode'],
    details: [{ column: 'barcode', problem: 'barcodeTaken', other: other.name }],
  });
}

function invalidFile(problems: FieldProblem[]): ContractFailure {
  const lines = [...new Set(problems.map((problem) => problem.line ?? 0))];
  return new ContractFailure(
    'INVALID_INPUT',
    `Nothing was imported: ${lines.length} line(s) of the file need correcting`,
    { details: problems },
  );
}

type ImportPlan = ReturnType<typeof planImport>;

/**
 * Writes the plan. Barcodes that move from one article to another would meet the unique index
 * half-way, so every changed article's barcode is cleared first and set with the rest after.
 */
async function applyImport(tx: StationTx, plan: ImportPlan, now: number): Promise<void> {
  for (const change of plan.updates) {
    await tx.update(articles).set({ barcode: null }).where(eq(articles.id, change.id));
  }
  for (const change of plan.updates) {
    await tx
      .update(articles)
      .set({ ...storedFields(change.fields), updatedAt: now })
      .where(eq(articles.id, change.id));
  }
  const rows = plan.creates.map((fields) => ({
    id: newId(),
    ...storedFields(fields),
    createdAt: now,
    updatedAt: now,
  }));
  // A few hundred rows a statement: one round trip each on PostgreSQL, well under its 65,535 parameters.
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await tx.insert(articles).values(rows.slice(start, start + INSERT_CHUNK));
  }
}

const INSERT_CHUNK = 500;
