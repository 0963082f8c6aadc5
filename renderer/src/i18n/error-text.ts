import type { TFunction } from 'i18next';
import type { ContractError } from '../../../shared/contract';
import type { AmountProblem } from '../../../shared/domain/money';
import { SEPA_TEXT_FIELDS } from '../../../shared/domain/sepa-charset';

const isIndex = (segment: string) => /^\d+$/.test(segment);

/** The last named part of a field's path: `basket.lines.2.quantity` → `quantity`. */
export function fieldName(path: string): string | undefined {
  return path
    .split('.')
    .filter((segment) => !isIndex(segment))
    .at(-1);
}

/**
 * A field's path as the user reads it: `basket.lines.2.quantity` → "line 3: quantity". Null when it has
 * no label: an internal name (`debtorIban`) is never shown.
 */
export function fieldLabel(t: TFunction, path: string): string | null {
  const segments = path.split('.');
  const items: string[] = [];
  segments.forEach((segment, at) => {
    const list = segments[at - 1];
    if (!isIndex(segment) || list === undefined) return;
    const item = t(`fieldItems.${list}`, { n: Number(segment) + 1, defaultValue: '' });
    if (item) items.push(item);
  });
  const last = segments.at(-1);
  const name = last === undefined || isIndex(last) ? undefined : t(`fields.${last}`, { defaultValue: '' });
  if (name === '' || (name === undefined && items.length === 0)) return null;
  return [...items, ...(name ? [name] : [])].join(': ');
}

function fieldsText(t: TFunction, fields: string[]): string {
  const labels = [...new Set(fields.map((field) => fieldLabel(t, field)).filter((l) => l !== null))];
  const check = labels.length > 0 ? ` ${t('errors.checkFields', { fields: labels.join(', ') })}` : '';
  const sepa = fields.some((field) => SEPA_TEXT_FIELDS.includes(fieldName(field) ?? ''));
  return sepa ? `${check} ${t('fieldHints.sepaText')}` : check;
}

/**
 * What the cashier reads for a contract error: the translated code, plus which fields were wrong (and
 * for a SEPA text field, which characters it takes), or for a full disk which folder needs space.
 */
export function errorText(t: TFunction, error: Pick<ContractError, 'code' | 'fields' | 'folder'>): string {
  const base = t(`errors.${error.code}`);
  const text = error.folder ? `${base} ${t('errors.diskFullFolder', { folder: error.folder })}` : base;
  if (!error.fields || error.fields.length === 0) return text;
  return `${text}${fieldsText(t, error.fields)}`;
}

export function amountProblemText(t: TFunction, problem: AmountProblem): string {
  return t(`amountProblem.${problem}`);
}
