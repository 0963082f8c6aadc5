import type { TFunction } from 'i18next';
import type { ContractError } from '../../../shared/contract';
import type { AmountProblem } from '../../../shared/domain/money';

/** What the cashier reads for a contract error: the translated code, plus which fields were wrong. */
export function errorText(t: TFunction, error: Pick<ContractError, 'code' | 'fields'>): string {
  const text = t(`errors.${error.code}`);
  if (!error.fields || error.fields.length === 0) return text;
  const fields = error.fields.map((field) => t(`fields.${field}`, { defaultValue: field })).join(', ');
  return `${text} ${t('errors.checkFields', { fields })}`;
}

export function amountProblemText(t: TFunction, problem: AmountProblem): string {
  return t(`amountProblem.${problem}`);
}
