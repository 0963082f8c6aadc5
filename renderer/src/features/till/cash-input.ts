import { parseAmount, type AmountProblem } from '../../../../shared/domain/money';

export type CashParse = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

/**
 * Reads a typed cash amount. Unlike a price, cash may be zero (an empty float, an empty drawer
 * counted), so parseAmount's `zero` verdict is an answer here, not a problem.
 */
export function parseCash(text: string, { allowZero }: { allowZero: boolean }): CashParse {
  const parsed = parseAmount(text);
  if (!parsed.ok && parsed.problem === 'zero' && allowZero) return { ok: true, cents: 0 };
  return parsed;
}
