import type { FieldProblem } from '../../../shared/contract/errors';
import { MAX_PLAN_CHARGES, type PlanPeriod, type RecurringPlan } from '../../../shared/domain/recurring-plans';
import { priceCell, type ArticleColumn, type Cell } from './article-csv-fields';

/*
 * The columns that sell an article as a payment agreement: `plan` (empty or once, plan, auto_topup),
 * `period` and `charges` for a plan (charges empty: until the customer stops), `threshold` and `topup`
 * in euros for an automatic top-up. A line's plan is only known once all its cells are read.
 */

export const PLAN_COLUMNS = ['plan', 'period', 'charges', 'threshold', 'topup'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** The plan cells of one line as read, before they make a plan together. */
export type PlanCells = Partial<Record<PlanColumn, string>>;

const key = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]/g, '');

const KINDS: Record<string, RecurringPlan['kind'] | null> = {
  ...words(null, ['', 'once', 'eenmalig', 'unique', 'unefois', 'nee', 'no', 'non']),
  ...words('plan', ['plan', 'abonnement', 'subscription', 'membership', 'lidmaatschap', 'formule']),
  ...words('auto_topup', ['autotopup', 'topup', 'opwaardering', 'autoopwaardering', 'recharge', 'autorecharge']),
};

const PERIODS: Record<string, PlanPeriod> = {
  ...words('week', ['week', 'weekly', 'wekelijks', 'semaine', 'hebdomadaire']),
  ...words('month', ['month', 'monthly', 'maand', 'maandelijks', 'mois', 'mensuel']),
  ...words('quarter', ['quarter', 'quarterly', 'kwartaal', 'trimestre', 'trimestriel']),
  ...words('year', ['year', 'yearly', 'jaar', 'jaarlijks', 'an', 'annee', 'annuel']),
};

function words<T>(value: T, names: string[]): Record<string, T> {
  return Object.fromEntries(names.map((name) => [name, value]));
}

/**
 * The plan a line's cells make, or the problems of its columns. Cells of another kind's columns are
 * refused rather than dropped: a threshold on a line sold once is a mistake the manager should see.
 */
export function planOfCells(
  line: number,
  cells: PlanCells,
): { plan: RecurringPlan | null } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (column: ArticleColumn, problem: FieldProblem['problem']) =>
    problems.push({ line, column, problem });
  const kind = KINDS[key(cells.plan ?? '')];
  if (kind === undefined) return { problems: [{ line, column: 'plan', problem: 'notAPlanKind' }] };
  const own: PlanColumn[] = kind === 'plan' ? ['period', 'charges'] : kind ? ['threshold', 'topup'] : [];
  for (const column of PLAN_COLUMNS.slice(1)) {
    if (!own.includes(column) && (cells[column] ?? '').trim() !== '') fail(column, 'notForThisKind');
  }
  const plan = kind === 'plan' ? periodPlan(cells, fail) : kind ? topupPlan(cells, fail) : null;
  return problems.length > 0 ? { problems } : { plan };
}

type Fail = (column: ArticleColumn, problem: FieldProblem['problem']) => void;

function periodPlan(cells: PlanCells, fail: Fail): RecurringPlan | null {
  const periodText = key(cells.period ?? '');
  const period = PERIODS[periodText];
  if (!period) fail('period', periodText === '' ? 'required' : 'notAPeriod');
  const count = chargesCell(cells.charges ?? '');
  if (!count.ok) fail('charges', count.problem);
  return period && count.ok ? { kind: 'plan', period, chargeCount: count.value } : null;
}

function topupPlan(cells: PlanCells, fail: Fail): RecurringPlan | null {
  const threshold = positiveAmount(cells.threshold ?? '');
  const topup = positiveAmount(cells.topup ?? '');
  if (!threshold.ok) fail('threshold', threshold.problem);
  if (!topup.ok) fail('topup', topup.problem);
  if (!threshold.ok || !topup.ok) return null;
  if (topup.value <= threshold.value) {
    fail('topup', 'topupNotAboveThreshold');
    return null;
  }
  return { kind: 'auto_topup', thresholdCents: threshold.value, topupCents: topup.value };
}

/** Empty: until the customer stops; else 2 to 260 charges, the first included. */
function chargesCell(cell: string): Cell<number | null> {
  const value = cell.trim();
  if (value === '') return { ok: true, value: null };
  if (!/^\d{1,7}$/.test(value)) return { ok: false, problem: 'notANumber' };
  const count = Number(value);
  return count >= 2 && count <= MAX_PLAN_CHARGES
    ? { ok: true, value: count }
    : { ok: false, problem: 'outOfRange' };
}

function positiveAmount(cell: string): Cell<number> {
  const amount = priceCell(cell);
  return amount.ok && amount.value === 0 ? { ok: false, problem: 'outOfRange' } : amount;
}

/** The plan's cells as an export writes them (amounts with the file's decimal mark). */
export function planCellsOf(plan: RecurringPlan | null, euros: (cents: number) => string): string[] {
  if (plan === null) return ['', '', '', '', ''];
  if (plan.kind === 'plan') return ['plan', plan.period, plan.chargeCount?.toString() ?? '', '', ''];
  return ['auto_topup', '', '', euros(plan.thresholdCents), euros(plan.topupCents)];
}
