import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SimProfile } from './profiles';
import {
  HTTPS_URL,
  callbackUrlSchema,
  isLoopbackUrl,
  posIdSchema,
  type ValidationOptions,
} from './validation';

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const DEFAULT_MERCHANT_ID = 'ca55a0000000000000000100';

function jwksSchema(options: ValidationOptions) {
  const inline = z.object({
    keys: z.array(z.looseObject({ kty: z.string() })).min(1, 'needs at least one key'),
  });
  const url = z
    .string()
    .refine(
      (v) => HTTPS_URL.test(v) || (options.allowHttpCallbacks && isLoopbackUrl(v)),
      'must be an https URL',
    );
  return z.union([inline, url], 'must be a JWKS object {"keys": [...]} or the URL of one');
}

function profileSchema(options: ValidationOptions) {
  const url = callbackUrlSchema(options);
  return z
    .strictObject({
      ppid: z
        .string()
        .regex(/^[0-9a-fA-F]{24}$/, 'ppid must be 24 hex characters')
        .transform((v) => v.toLowerCase()),
      apiKey: z.string().min(1, 'apiKey must not be empty').max(200),
      merchantId: z.string().min(1).max(64).default(DEFAULT_MERCHANT_ID),
      name: z.string().min(1).max(70),
      iban: z.string().regex(IBAN, 'iban must be an IBAN without spaces'),
      type: z.enum(['display', 'sticker', 'topup']),
      expirySeconds: z.number().int().positive().default(120),
      callbackUrl: url.optional(),
      identifyCallbackUrl: url.optional(),
      voidMode: z.boolean().optional(),
      voidTimeoutSeconds: z.number().int().positive().optional(),
      syncCallbacks: z.boolean().optional(),
      topupAmountMode: z.enum(['open', 'modifiable', 'fixed']).optional(),
      posIds: z.array(posIdSchema).optional(),
      merchantJwks: jwksSchema(options).optional(),
      refundIbanDelaySeconds: z.number().int().min(0).optional(),
    })
    .refine((p) => !(p.voidMode && p.syncCallbacks), 'voidMode and syncCallbacks exclude each other')
    .refine(
      (p) => p.type === 'topup' || p.topupAmountMode === undefined,
      'topupAmountMode is for topup profiles',
    )
    .refine((p) => p.type === 'sticker' || p.posIds === undefined, 'posIds is for sticker profiles')
    .transform((p) => (p.type === 'topup' ? { topupAmountMode: 'open' as const, ...p } : p));
}

/** Where in the list a bad profile sits, by ppid when it has a readable one (never by apiKey). */
function describeIssue(error: z.ZodError, input: readonly unknown[]): string {
  const issue = error.issues[0];
  const index = typeof issue?.path[0] === 'number' ? issue.path[0] : -1;
  const entry = input[index] as { ppid?: unknown } | undefined;
  const who = typeof entry?.ppid === 'string' ? `profile ${entry.ppid}` : `profile #${index + 1}`;
  const field = issue?.path.slice(1).map(String).join('.') ?? '';
  return `Simulator ${who}${field ? ` field ${field}` : ''}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Checks profiles once, up front, so a bad configuration fails at start-up and not on a request. Fills
 * in defaults (merchantId, expirySeconds 120, topupAmountMode open) and lower-cases the ppid.
 */
export function validateProfiles(input: readonly unknown[], options: ValidationOptions): SimProfile[] {
  const result = z.array(profileSchema(options)).safeParse(input);
  if (!result.success) throw new Error(describeIssue(result.error, input));
  return result.data;
}

/** Reads a profiles seed file: `{"profiles": [...]}` or a bare array. The file replaces the defaults. */
export function readProfilesFile(file: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read profiles file ${file}: ${why}`, { cause: error });
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`Profiles file ${file} must hold {"profiles": [...]} with at least one profile`);
  }
  return list;
}
