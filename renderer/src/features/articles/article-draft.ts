import type { ArticleView } from '../../../../shared/contract';
import { VAT_RATES } from '../../../../shared/domain/cash';
import type { RecurringPlan } from '../../../../shared/domain/recurring-plans';
import { priceCents, priceText } from './price-text';
import { emptyPlanDraft, planDraftOf, planOfDraft, type PlanDraft } from './plan-draft';

export { priceCents, priceText } from './price-text';

/** The form's fields as typed: the price as text with a decimal comma or point. */
export interface ArticleDraft {
  id?: string;
  name: string;
  price: string;
  vatRate: number;
  category: string;
  colour: string;
  barcode: string;
  active: boolean;
  shopIds: string[];
  position: number;
  /** How it is sold: once, or as a payment agreement (plan-draft.ts). */
  plan: PlanDraft;
}

export function emptyDraft(category = ''): ArticleDraft {
  return {
    name: '',
    price: '',
    vatRate: VAT_RATES[0],
    category,
    colour: '#4a6fa5',
    barcode: '',
    active: true,
    shopIds: [],
    position: 0,
    plan: emptyPlanDraft(),
  };
}

export function draftOf(article: ArticleView, decimal: ',' | '.'): ArticleDraft {
  const { priceCents: cents, barcode, recurringPlan, ...rest } = article;
  return {
    ...rest,
    price: priceText(cents, decimal),
    barcode: barcode ?? '',
    plan: planDraftOf(recurringPlan, decimal),
  };
}

export type SaveInput = Omit<ArticleDraft, 'price' | 'barcode' | 'plan'> & {
  priceCents: number;
  barcode: string | null;
  recurringPlan: RecurringPlan | null;
};

/** What `articles.save` takes, or null while the name, the price or the plan cannot be sent. */
export function saveInput(draft: ArticleDraft): SaveInput | null {
  const cents = priceCents(draft.price);
  const plan = planOfDraft(draft.plan);
  if (cents === null || draft.name.trim() === '' || plan === undefined) return null;
  const { price: _price, barcode, plan: _plan, ...rest } = draft;
  return {
    ...rest,
    name: draft.name.trim(),
    priceCents: cents,
    barcode: barcode.trim() || null,
    recurringPlan: plan,
  };
}
