import { parseAmount } from '../../../../shared/domain/money';
import { SEPA_TEXT } from '../../../../shared/domain/sepa-charset';
import type { TopupAmountMode } from '../../../../shared/domain/topup';

export type Layout = 'a4' | 'strip' | 'card' | 'label';

/** What the organiser typed, as typed: checked here first, then by the station against the contract. */
export interface BatchDraft {
  profileId: string;
  count: string;
  amountMode: TopupAmountMode;
  amount: string;
  description: string;
  eventName: string;
  layout: Layout;
  rows: string;
  columns: string;
  marginMm: string;
  legacyHost: boolean;
  logoDataUrl: string | null;
}

export const EMPTY_DRAFT: BatchDraft = {
  profileId: '',
  count: '100',
  amountMode: 'fixed',
  amount: '',
  description: '',
  eventName: '',
  layout: 'a4',
  rows: '6',
  columns: '4',
  marginMm: '10',
  legacyHost: false,
  logoDataUrl: null,
};

/** The problems a translation key names; the station still has the last word. */
export type DraftProblem =
  | 'countRange'
  | 'amountNeeded'
  | 'amountRange'
  | 'descriptionLong'
  | 'descriptionCharacters'
  | 'eventNeeded'
  | 'gridRange';

/** The characters of `text` a SEPA text field refuses, each once, in the order typed: "é", "€", "&". */
export function outsideSepa(text: string): string[] {
  return [...new Set([...text].filter((character) => !SEPA_TEXT.test(character)))];
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

function amountProblem(draft: BatchDraft): DraftProblem | null {
  if (draft.amountMode === 'open') return null;
  const parsed = parseAmount(draft.amount);
  if (!parsed.ok) return 'amountNeeded';
  return parsed.cents > 999_999 ? 'amountRange' : null;
}

export function draftProblem(draft: BatchDraft): DraftProblem | null {
  const count = whole(draft.count);
  if (!(count >= 1 && count <= 100_000)) return 'countRange';
  const amount = amountProblem(draft);
  if (amount) return amount;
  if (draft.description.length > 35) return 'descriptionLong';
  if (outsideSepa(draft.description).length > 0) return 'descriptionCharacters';
  if (draft.eventName.trim() === '') return 'eventNeeded';
  if (draft.layout === 'a4' && ![whole(draft.rows), whole(draft.columns)].every((n) => n >= 1 && n <= 20))
    return 'gridRange';
  return null;
}

/** The contract input for a draft without problems. */
export function batchInput(draft: BatchDraft, locale: 'nl' | 'fr' | 'en') {
  const parsed = parseAmount(draft.amount);
  return {
    ...(draft.profileId ? { profileId: draft.profileId } : {}),
    count: whole(draft.count),
    amountMode: draft.amountMode,
    ...(draft.amountMode !== 'open' && parsed.ok ? { amountCents: parsed.cents } : {}),
    description: draft.description,
    eventName: draft.eventName.trim(),
    layout: draft.layout,
    ...(draft.layout === 'a4'
      ? {
          grid: {
            rows: whole(draft.rows),
            columns: whole(draft.columns),
            marginMm: Number(draft.marginMm) || 0,
          },
        }
      : {}),
    ...(draft.logoDataUrl ? { logoDataUrl: draft.logoDataUrl } : {}),
    legacyHost: draft.legacyHost,
    locale,
  };
}
