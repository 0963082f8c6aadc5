import type { MethodInput, TransactionMethod, TransactionStatus } from '../../../../shared/contract';

/** The filters as the form holds them: every field text, empty meaning "any". */
export interface FilterForm {
  from: string;
  to: string;
  shopId: string;
  tillId: string;
  cashierId: string;
  profileId: string;
  method: TransactionMethod | '';
  status: TransactionStatus | '';
  search: string;
}

/** What reports.listTransactions and reports.exportCsv share. */
export type Filters = Omit<MethodInput<'reports.exportCsv'>, 'separator'>;

export const EMPTY_FORM: FilterForm = {
  from: '',
  to: '',
  shopId: '',
  tillId: '',
  cashierId: '',
  profileId: '',
  method: '',
  status: '',
  search: '',
};

export type FilterCheck = { ok: true; filters: Filters } | { ok: false; problem: 'rangeBackwards' };

/**
 * Leaves out what is empty and refuses a range that ends before it starts, before asking the station
 * (which refuses it too). Every other value is the station's to judge: it names the wrong field.
 */
export function toFilters(form: FilterForm): FilterCheck {
  const filters: Filters = {};
  for (const key of Object.keys(form) as (keyof FilterForm)[]) {
    const value = form[key].trim();
    if (value !== '') (filters as Record<string, string>)[key] = value;
  }
  // YYYY-MM-DD strings compare as the dates they name.
  if (filters.from && filters.to && filters.to < filters.from)
    return { ok: false, problem: 'rangeBackwards' };
  return { ok: true, filters };
}
