import { z } from 'zod';
import { ibanHolds, PROFILE_KINDS } from '../domain/payment-profiles';
import { TOPUP_AMOUNT_MODES } from '../domain/topup';
import { out } from './method-spec';
import type { PaymentProfileView } from './profile-views';

const profileId = z.string().min(1).max(64);
const ppid = z.string().regex(/^[A-Za-z0-9]{1,64}$/);
const name = z.string().trim().min(1).max(80);
const environment = z.enum(['preprod', 'production']);
/** Empty: no payout account yet. Otherwise its country format and check digits must hold. */
const iban = z
  .string()
  .max(42)
  .refine(
    (value) => value.trim() === '' || ibanHolds(value),
    'Not a valid IBAN (its check digits do not hold)',
  );
const apiKey = z.string().min(8).max(512);
const list = out<PaymentProfileView[]>();

/**
 * Each shop's payment profiles (display, sticker, top-up), each with its own PPID, API key, name and
 * payout IBAN. An administrator sets them up and takes them live; a manager may also read them and mark
 * an IBAN verified; cashiers see none of it. Every answer is the whole list.
 */
export const profileMethods = {
  'profiles.list': { permission: 'close', input: z.object({}).strict(), output: list },
  'profiles.add': {
    permission: 'administer',
    input: z
      .object({
        shopId: z.string().min(1).max(64),
        kind: z.enum(PROFILE_KINDS),
        name,
        ppid,
        payoutIban: iban.default(''),
        /** Required for a top-up profile (its codes, as Bancontact support set it up), refused for others. */
        amountMode: z.enum(TOPUP_AMOUNT_MODES).optional(),
      })
      .strict(),
    output: list,
  },
  /** A changed IBAN is to be verified again. */
  'profiles.update': {
    permission: 'administer',
    input: z.object({ profileId, name: name.optional(), payoutIban: iban.optional() }).strict(),
    output: list,
  },
  /** The key goes to the secret store; the profile is no longer live until tested and taken live again. */
  'profiles.setApiKey': {
    permission: 'administer',
    input: z.object({ profileId, apiKey }).strict(),
    output: list,
  },
  'profiles.remove': { permission: 'administer', input: z.object({ profileId }).strict(), output: list },
  /** Tests the profile's stored key (or the one given, not stored) against the environment. */
  'profiles.testConnection': {
    permission: 'administer',
    input: z.object({ profileId, environment, apiKey: apiKey.optional() }).strict(),
    output: out<{ environment: 'preprod' | 'production'; ok: true }>(),
  },
  /** Live after a passed connection test of the same PPID, key and environment within 10 minutes. */
  'profiles.goLive': {
    permission: 'administer',
    input: z.object({ profileId, environment }).strict(),
    output: list,
  },
  /** The IBAN shown is the one marked: a change made meanwhile is not verified by mistake. */
  'profiles.verifyIban': {
    permission: 'close',
    input: z.object({ profileId, payoutIban: z.string().min(1).max(42) }).strict(),
    output: list,
  },
} as const;
