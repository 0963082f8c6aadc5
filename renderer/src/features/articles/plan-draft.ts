import {
  MAX_PLAN_CHARGES,
  type PlanPeriod,
  type RecurringPlan,
} from '../../../../shared/domain/recurring-plans';
import { priceCents, priceText } from './price-text';

/** How the article editor holds "Sold as": the amounts as typed, with a decimal comma or point. */
export interface PlanDraft {
  soldAs: 'once' | 'plan' | 'auto_topup';
  period: PlanPeriod;
  /** True: charged until the customer stops; false: `charges` charges in all, the first included. */
  untilStopped: boolean;
  charges: string;
  threshold: string;
  topup: string;
}

/** What is wrong with a plan as typed, one problem per field the editor shows under it. */
export interface PlanProblems {
  charges?: 'chargesRange';
  threshold?: 'amount';
  topup?: 'amount' | 'topupNotAboveThreshold';
}

export function emptyPlanDraft(): PlanDraft {
  return {
    soldAs: 'once',
    period: 'month',
    untilStopped: true,
    charges: '12',
    threshold: '5',
    topup: '20',
  };
}

export function planDraftOf(plan: RecurringPlan | null, decimal: ',' | '.'): PlanDraft {
  const empty = emptyPlanDraft();
  if (plan === null) return empty;
  if (plan.kind === 'plan') {
    const count = plan.chargeCount;
    return {
      ...empty,
      soldAs: 'plan',
      period: plan.period,
      untilStopped: count === null,
      charges: `${count ?? 12}`,
    };
  }
  return {
    ...empty,
    soldAs: 'auto_topup',
    threshold: priceText(plan.thresholdCents, decimal),
    topup: priceText(plan.topupCents, decimal),
  };
}

export function planProblems(draft: PlanDraft): PlanProblems {
  const problems: PlanProblems = {};
  if (draft.soldAs === 'plan' && !draft.untilStopped && chargeCount(draft.charges) === null) {
    problems.charges = 'chargesRange';
  }
  if (draft.soldAs === 'auto_topup') {
    const threshold = amount(draft.threshold);
    const topup = amount(draft.topup);
    if (threshold === null) problems.threshold = 'amount';
    if (topup === null) problems.topup = 'amount';
    else if (threshold !== null && topup <= threshold) problems.topup = 'topupNotAboveThreshold';
  }
  return problems;
}

/** The plan `articles.save` takes: null sells once; undefined while the draft has a problem. */
export function planOfDraft(draft: PlanDraft): RecurringPlan | null | undefined {
  if (Object.keys(planProblems(draft)).length > 0) return undefined;
  if (draft.soldAs === 'once') return null;
  if (draft.soldAs === 'plan') {
    const chargeCountValue = draft.untilStopped ? null : chargeCount(draft.charges);
    return { kind: 'plan', period: draft.period, chargeCount: chargeCountValue };
  }
  const thresholdCents = amount(draft.threshold) ?? 0;
  return { kind: 'auto_topup', thresholdCents, topupCents: amount(draft.topup) ?? 0 };
}

function chargeCount(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const count = Number(text.trim());
  return count >= 2 && count <= MAX_PLAN_CHARGES ? count : null;
}

/** A top-up's amount: a price above zero. */
function amount(text: string): number | null {
  const cents = priceCents(text);
  return cents === null || cents === 0 ? null : cents;
}
