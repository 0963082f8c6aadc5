import type { ArticleView } from '../../../shared/contract/article-views';
import { recurringPlanSchema, type RecurringPlan } from '../../../shared/domain/recurring-plans';
import { articles } from '../db/station-schema';

export type ArticleRow = typeof articles.$inferSelect;
/** What a person or a CSV line sets of an article; ids and times are the station's. */
export type ArticleFields = Omit<ArticleView, 'id'>;

export function articleView(row: ArticleRow): ArticleView {
  return {
    id: row.id,
    name: row.name,
    priceCents: row.priceCents,
    vatRate: row.vatRate,
    category: row.category,
    colour: row.colour,
    barcode: row.barcode,
    active: Boolean(row.active),
    shopIds: shopIdsOf(row.shopIds),
    position: row.position,
    recurringPlan: planOf(row.recurringPlan),
  };
}

/** The stored plan; a value no longer valid reads as none, so the till never sells a broken plan. */
export function planOf(json: string | null): RecurringPlan | null {
  if (json === null) return null;
  try {
    const parsed = recurringPlanSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A plan as stored: its fields in one order, so that equal plans are equal strings. */
function planJson(plan: RecurringPlan | null): string | null {
  if (plan === null) return null;
  return plan.kind === 'plan'
    ? JSON.stringify({ kind: plan.kind, period: plan.period, chargeCount: plan.chargeCount })
    : JSON.stringify({ kind: plan.kind, thresholdCents: plan.thresholdCents, topupCents: plan.topupCents });
}

/** The columns an article's fields are stored in (shops as a JSON array). */
export function storedFields(fields: ArticleFields) {
  return {
    name: fields.name,
    priceCents: fields.priceCents,
    vatRate: fields.vatRate,
    category: fields.category,
    colour: fields.colour.toLowerCase(),
    barcode: fields.barcode,
    active: fields.active,
    shopIds: JSON.stringify(fields.shopIds),
    position: fields.position,
    recurringPlan: planJson(fields.recurringPlan),
  };
}

/** True when saving `fields` would change nothing (an export imported again is not a change). */
export function sameFields(view: ArticleView, fields: ArticleFields): boolean {
  const stored = storedFields(fields);
  return (
    view.name === stored.name &&
    view.priceCents === stored.priceCents &&
    view.vatRate === stored.vatRate &&
    view.category === stored.category &&
    view.colour === stored.colour &&
    view.barcode === stored.barcode &&
    view.active === stored.active &&
    JSON.stringify(view.shopIds) === stored.shopIds &&
    view.position === stored.position &&
    planJson(view.recurringPlan) === stored.recurringPlan
  );
}

function shopIdsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

// One order on both engines: SQLite and PostgreSQL collate text differently, so the station sorts.
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The till's order: by category, then position, then name (the id only to make it total). */
export function catalogueOrder(a: ArticleView, b: ArticleView): number {
  return (
    collator.compare(a.category, b.category) ||
    a.position - b.position ||
    collator.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Sold in `shopId`: listed for it, or for every shop. */
export function soldIn(view: ArticleView, shopId: string): boolean {
  return view.shopIds.length === 0 || view.shopIds.includes(shopId);
}
