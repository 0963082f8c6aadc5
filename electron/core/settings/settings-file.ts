import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '../../../shared/domain/money';
import { PROFILE_KINDS } from '../../../shared/domain/payment-profiles';
import { TOPUP_AMOUNT_MODES } from '../../../shared/domain/topup';
import { MAIL_SECURITIES } from '../../../shared/contract/mail-methods';
import { writePrivateFile } from '../files/durable-file';
import { readJsonFile } from './validated-file';

// Loose objects: a field this version does not know (written by a newer one) survives every rewrite.
export const storedSettingsSchema = z.looseObject({
  mode: z.enum(['training', 'live']).default('training'),
  environment: z.enum(['preprod', 'production']).nullable().default(null),
  ppid: z.string().nullable().default(null),
  locale: z.enum(LOCALES).default('en'),
  /** The public https base URL (reverse proxy or tunnel) that forwards to this station; null: polling only. */
  publicUrl: z.string().nullable().default(null),
  /** This till's sticker POS id; null for a till that shows the QR on its customer display. */
  stickerPosId: z.string().nullable().default(null),
  /**
   * The top-up profiles of a settings file written before shops had payment profiles; read as the first
   * shop's top-up profiles (settings-upgrade.ts) and emptied when that list is first written.
   */
  topupProfiles: z
    .array(
      z.looseObject({
        ppid: z.string(),
        name: z.string(),
        amountMode: z.enum(TOPUP_AMOUNT_MODES),
      }),
    )
    .default([]),
  /**
   * Each shop's payment profiles; their API keys are in the secret store, never here. Absent in a file
   * written before shops had profiles: settings/settings-upgrade.ts reads today's `ppid` as the first
   * shop's display profile until the list is first written.
   */
  paymentProfiles: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        shopId: z.string().min(1),
        kind: z.enum(PROFILE_KINDS),
        name: z.string(),
        ppid: z.string(),
        iban: z.string().default(''),
        ibanVerified: z.boolean().default(false),
        /** The environment the profile went live on; null: not live. */
        liveOn: z.enum(['preprod', 'production']).nullable().default(null),
        /** A top-up profile's codes (set by Bancontact support); absent for the other kinds. */
        amountMode: z.enum(TOPUP_AMOUNT_MODES).optional(),
      }),
    )
    .optional(),
  /**
   * The merchant's SMTP server for e-mailed receipts, and the contact those receipts name for refunds
   * and stopping payments (electron/core/mail/); its password is in the secret store, never here.
   */
  mail: z
    .looseObject({
      host: z.string().default(''),
      port: z.number().int().min(1).max(65_535).default(587),
      security: z.enum(MAIL_SECURITIES).default('starttls'),
      user: z.string().default(''),
      from: z.string().default(''),
      contactEmail: z.string().default(''),
      contactPhone: z.string().default(''),
    })
    .optional(),
  /**
   * The merchant's PPRO account for Bancontact payment agreements (live mode); its API key is in the
   * secret store, never here. Null: live mode sells no agreements.
   */
  ppro: z
    .looseObject({
      baseUrl: z.string().min(1),
      merchantId: z.string().min(1),
      /** The merchant's WIP maximum as PPRO set it, in cents; null: not told, PPRO alone refuses. */
      maxChargeCents: z.number().int().positive().nullable().default(null),
    })
    .nullable()
    .default(null),
  /** The version (or URL) of the merchant's terms a consumer approves with an agreement; null: Kassa's default. */
  agreementTermsVersion: z.string().min(1).max(200).nullable().default(null),
  /** Where backups go (null: `backups/` in the data folder; point it at another disk) and how often. */
  backup: z
    .looseObject({
      folder: z.string().min(1).nullable().default(null),
      intervalMinutes: z.number().int().min(1).max(1440).default(15),
      /** Folders backups went to before (a USB stick replaced by another): still offered for a restore. */
      previousFolders: z.array(z.string().min(1)).max(20).default([]),
    })
    .default({ folder: null, intervalMinutes: 15, previousFolders: [] }),
});

/** The known fields only: code reads and changes these; unknown ones ride along in the object. */
type KnownFields<T> = T extends readonly (infer U)[]
  ? KnownFields<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: KnownFields<T[K]> }
    : T;

export type StoredSettings = KnownFields<z.infer<typeof storedSettingsSchema>>;

/** Station settings that are not secret, in `settings.json` of the data folder. */
export interface SettingsFile {
  read(): StoredSettings;
  update(change: Partial<StoredSettings>): StoredSettings;
}

export const SETTINGS_FILE = 'settings.json';

/**
 * A missing field takes its default; a wrong one, or a file that is not JSON, throws a StartRefusal
 * naming the file and the field, every time it is read. `update` reads first, so a file that failed
 * to load is never overwritten with defaults.
 */
export function createSettingsFile(dataDir: string): SettingsFile {
  const file = join(dataDir, SETTINGS_FILE);
  // What the file held when last read: if it vanishes while the station runs, the station goes on
  // with these (and writes them back at the next change), never with the defaults.
  let known: StoredSettings | null = null;
  const read = (): StoredSettings => {
    const found = readJsonFile(file, storedSettingsSchema);
    if (found) known = found;
    return found ?? known ?? storedSettingsSchema.parse({});
  };
  return {
    read,
    update(change) {
      const next = { ...read(), ...change };
      writePrivateFile(file, JSON.stringify(next, null, 2));
      return next;
    },
  };
}
