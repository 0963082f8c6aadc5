import type { ArticleImportView, ArticleView } from '../../../shared/contract/article-views';
import type { FieldProblem } from '../../../shared/contract/errors';
import type { ArticleDraft, ParsedCsv } from './article-csv';
import { sameFields, type ArticleFields } from './article-rows';

export interface ImportPlan {
  problems: FieldProblem[];
  updates: Array<{ id: string; fields: ArticleFields }>;
  creates: ArticleFields[];
  counts: ArticleImportView;
}

/** What a new article has for the columns a file leaves out. */
const NEW_ARTICLE: Omit<ArticleFields, 'name' | 'priceCents' | 'vatRate'> = {
  category: '',
  colour: '#4a6fa5',
  barcode: null,
  active: true,
  shopIds: [],
  position: 0,
  recurringPlan: null,
};

/**
 * Matches each good line with the catalogue: by id when the line has one, else by barcode, else it is
 * a new article. Finds what only the catalogue can tell (an unknown id, two lines for one article, a
 * barcode another article keeps) so that the one answer names every bad line.
 */
export function planImport(parsed: ParsedCsv, existing: ArticleView[]): ImportPlan {
  const plan: ImportPlan = {
    problems: [...parsed.problems],
    updates: [],
    creates: [],
    counts: { created: 0, updated: 0, unchanged: 0 },
  };
  const matched = new Map<string, ArticleDraft>();
  const planned: Array<{ draft: ArticleDraft; target: ArticleView | null; fields: ArticleFields }> = [];
  for (const draft of parsed.drafts) {
    const target = targetOf(draft, existing, plan.problems);
    if (target === undefined) continue;
    if (target && matched.has(target.id)) {
      plan.problems.push({ line: draft.line, column: draft.id ? 'id' : 'barcode', problem: 'duplicateId' });
      continue;
    }
    if (target) matched.set(target.id, draft);
    const fields = { ...(target ?? NEW_ARTICLE), ...draft.fields } as ArticleFields;
    // A plan (the line's or the one the article keeps) charges the price: it cannot be nothing.
    if (fields.recurringPlan && fields.priceCents === 0) {
      plan.problems.push({ line: draft.line, column: 'price', problem: 'planNeedsPrice' });
      continue;
    }
    planned.push({ draft, target, fields });
  }
  checkBarcodes(planned, existing, matched, plan.problems);
  for (const { target, fields } of planned) count(plan, target, fields);
  plan.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return plan;
}

/** The stored article a line updates, null for a new one, undefined when its id is unknown. */
function targetOf(draft: ArticleDraft, existing: ArticleView[], problems: FieldProblem[]) {
  if (draft.id) {
    const byId = existing.find((article) => article.id === draft.id);
    if (!byId) problems.push({ line: draft.line, column: 'id', problem: 'unknownId' });
    return byId;
  }
  const barcode = draft.fields.barcode;
  return (barcode && existing.find((article) => article.barcode === barcode)) || null;
}

/** After the import every barcode still names one article: the file's own lines and the rest of the catalogue. */
function checkBarcodes(
  planned: Array<{ draft: ArticleDraft; fields: ArticleFields }>,
  existing: ArticleView[],
  matched: Map<string, ArticleDraft>,
  problems: FieldProblem[],
): void {
  const kept = new Map(
    existing
      .filter((article) => article.barcode !== null && !matched.has(article.id))
      .map((article) => [article.barcode, article.name]),
  );
  const inFile = new Set<string>();
  for (const { draft, fields } of planned) {
    if (fields.barcode === null) continue;
    const other = kept.get(fields.barcode);
    if (other !== undefined) {
      problems.push({ line: draft.line, column: 'barcode', problem: 'barcodeTaken', other });
    } else if (inFile.has(fields.barcode)) {
      problems.push({ line: draft.line, column: 'barcode', problem: 'duplicateBarcode' });
    }
    inFile.add(fields.barcode);
  }
}

function count(plan: ImportPlan, target: ArticleView | null, fields: ArticleFields): void {
  if (!target) {
    plan.creates.push(fields);
    plan.counts.created += 1;
  } else if (sameFields(target, fields)) {
    plan.counts.unchanged += 1;
  } else {
    plan.updates.push({ id: target.id, fields });
    plan.counts.updated += 1;
  }
}
