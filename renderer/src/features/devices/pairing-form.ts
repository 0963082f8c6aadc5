import type { DeviceRights } from '../../../../shared/domain/roles';

export const PAIRED_KINDS = ['till', 'bar', 'display'] as const;
export type PairedKind = (typeof PAIRED_KINDS)[number];

export interface PairingDraft {
  name: string;
  rights: DeviceRights;
  kind: PairedKind;
  tillId: string;
}

export const EMPTY_DRAFT: PairingDraft = { name: '', rights: 'employee', kind: 'till', tillId: '' };

export type DraftProblem = 'needName' | 'tillInvalid' | 'needTill';

const TILL_ID = /^[A-Za-z0-9-]{1,32}$/;

/** What is wrong before asking the station; the station checks again. */
export function draftProblem(draft: PairingDraft): DraftProblem | null {
  if (draft.name.trim() === '') return 'needName';
  const till = draft.tillId.trim();
  // A till or bar without one gets a fresh till; a display must say whose sales it shows.
  if (till === '') return draft.kind === 'display' ? 'needTill' : null;
  return TILL_ID.test(till) ? null : 'tillInvalid';
}

/** The createPairing input: a blank till left out. */
export function pairingInput(draft: PairingDraft) {
  const tillId = draft.tillId.trim();
  return {
    name: draft.name.trim(),
    rights: draft.rights,
    kind: draft.kind,
    ...(tillId ? { tillId } : {}),
  };
}
