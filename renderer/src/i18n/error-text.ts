import type { TFunction } from 'i18next';
import type { ContractError } from '../../../shared/contract';
import type { AmountProblem } from '../../../shared/domain/money';

/**
 * What the cashier reads for a contract error: the translated code, plus which fields were wrong, or
 * for a full disk which folder needs space.
 */
export function errorText(t: TFunction, error: Pick<ContractError, 'code' | 'fields' | 'folder'>): string {
  const base = t(`errors.${error.code}`);
  const text = error.folder ? `${base} ${t('errors.diskFullFolder', { folder: error.folder })}` : base;
  if (!error.fields || error.fields.length === 0) return text;
  const fields = error.fields.map((field) => t(`fields.${field}`, { defaultValue: field })).join(', ');
  return `${text} ${t('errors.checkFields', { fields })}`;
}

export function amountProblemText(t: TFunction, problem: AmountProblem): string {
  return t(`amountProblem.${problem}`);
}
