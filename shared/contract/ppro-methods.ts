import { z } from 'zod';
import { out } from './method-spec';

/**
 * The merchant's PPRO account for recurring Bancontact payments (live mode, docs/agreements.md). The API
 * key goes to the station's secret store and is never answered: the view says only whether one is stored.
 */
export interface PproSettingsView {
  baseUrl: string;
  merchantId: string;
  /** The merchant's WIP maximum as PPRO set it, in cents; null: not told. */
  maxChargeCents: number | null;
  hasApiKey: boolean;
  /** The version (or URL) of the merchant's terms a consumer approves; null: Kassa's default. */
  termsVersion: string | null;
  /** Live mode can sell agreements: an address, a merchant id and a key are stored. */
  configured: boolean;
}

export interface PproTestView {
  /** PPRO accepted the key (it answered 404 for an agreement that does not exist). */
  ok: boolean;
  problem: 'unauthorised' | 'unreachable' | 'unexpected' | null;
}

const pproFields = {
  baseUrl: z.string().trim().url().max(300),
  merchantId: z.string().trim().min(1).max(100),
  maxChargeCents: z.number().int().min(1).max(100_000_000).nullable(),
  /** Empty or absent: keep the stored key. */
  apiKey: z.string().min(1).max(500).optional(),
};

export const pproMethods = {
  'ppro.getSettings': {
    permission: 'administer',
    input: z.object({}).strict(),
    output: out<PproSettingsView>(),
  },
  'ppro.saveSettings': {
    permission: 'administer',
    input: z.object({ ...pproFields, termsVersion: z.string().trim().min(1).max(200).nullable() }).strict(),
    output: out<PproSettingsView>(),
  },
  /** Asks PPRO for an agreement that does not exist: 404 means the address and key work, 401 not. */
  'ppro.testConnection': {
    permission: 'administer',
    input: z.object(pproFields).strict(),
    output: out<PproTestView>(),
  },
} as const;
