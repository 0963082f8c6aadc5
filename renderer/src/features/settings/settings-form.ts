import type { Environment } from '../../../../shared/contract';

export interface CredentialsDraft {
  environment: Environment;
  ppid: string;
  apiKey: string;
}

export type DraftProblem = 'needPpid' | 'needApiKey';

const PPID = /^[A-Za-z0-9]{1,64}$/;

/** The same rules the contract enforces, checked here so the form can say which field to fix. */
export function draftProblem(draft: CredentialsDraft, apiKeyRequired: boolean): DraftProblem | null {
  if (!PPID.test(draft.ppid.trim())) return 'needPpid';
  const key = draft.apiKey.trim();
  if ((apiKeyRequired || key !== '') && key.length < 8) return 'needApiKey';
  return null;
}
