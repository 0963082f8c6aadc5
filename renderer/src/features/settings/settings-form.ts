import type { Environment } from '../../../../shared/contract';
import { isWellFormedApiKey } from '../../../../shared/domain/api-key';

export interface CredentialsDraft {
  environment: Environment;
  ppid: string;
  apiKey: string;
}

export type DraftProblem = 'needPpid' | 'needApiKey' | 'malformedApiKey';

const PPID = /^[A-Za-z0-9]{1,64}$/;

/** The same rules the contract enforces, checked here so the form can say which field to fix. */
export function draftProblem(draft: CredentialsDraft, apiKeyRequired: boolean): DraftProblem | null {
  if (!PPID.test(draft.ppid.trim())) return 'needPpid';
  const key = draft.apiKey.trim();
  if ((apiKeyRequired || key !== '') && key.length < 8) return 'needApiKey';
  return apiKeyProblem(draft.apiKey);
}

/** A key with a character no key has (an en dash, a space inside) is flagged as it is typed or pasted. */
export function apiKeyProblem(apiKey: string): 'malformedApiKey' | null {
  const key = apiKey.trim();
  return key === '' || isWellFormedApiKey(key) ? null : 'malformedApiKey';
}

export type PublicUrlProblem = 'publicUrlInvalid' | 'publicUrlNeedHttps' | 'publicUrlBaseOnly';

/** The contract caps the URL at 2000 characters; Bancontact must reach it over https. */
const MAX_PUBLIC_URL = 2000;

/**
 * Checks the public URL before it goes to the station: https only, and a bare base address, since
 * the station appends `/callbacks/<profile>` to it (a query, a fragment or a user name would break that).
 */
export function publicUrlProblem(text: string): PublicUrlProblem | null {
  const trimmed = text.trim();
  if (/^http:\/\//i.test(trimmed)) return 'publicUrlNeedHttps';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'publicUrlInvalid';
  }
  if (url.protocol !== 'https:') return 'publicUrlNeedHttps';
  if (url.hostname === '' || trimmed.length > MAX_PUBLIC_URL) return 'publicUrlInvalid';
  if (url.username || url.password || url.search || url.hash || /[?#]/.test(trimmed))
    return 'publicUrlBaseOnly';
  return null;
}

/** Bancontact's posId: 1 to 36 letters and digits. */
const STICKER_POS_ID = /^[A-Za-z0-9]{1,36}$/;

export function stickerPosIdProblem(text: string): 'stickerPosIdInvalid' | null {
  return STICKER_POS_ID.test(text.trim()) ? null : 'stickerPosIdInvalid';
}
