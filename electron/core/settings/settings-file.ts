import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '../../../shared/domain/money';
import { TOPUP_AMOUNT_MODES } from '../../../shared/domain/topup';
import { writePrivateFile } from './secret-store';

const stored = z.object({
  mode: z.enum(['training', 'live']).default('training'),
  environment: z.enum(['preprod', 'production']).nullable().default(null),
  ppid: z.string().nullable().default(null),
  locale: z.enum(LOCALES).default('en'),
  /** The public https base URL (reverse proxy or tunnel) that forwards to this station; null: polling only. */
  publicUrl: z.string().nullable().default(null),
  /** This till's sticker POS id; null for a till that shows the QR on its customer display. */
  stickerPosId: z.string().nullable().default(null),
  /** Live top-up (wristband) profiles; their API keys are in the secret store, never here. */
  topupProfiles: z
    .array(
      z.object({
        ppid: z.string(),
        name: z.string(),
        amountMode: z.enum(TOPUP_AMOUNT_MODES),
      }),
    )
    .default([]),
  /** Where backups go (null: `backups/` in the data folder; point it at another disk) and how often. */
  backup: z
    .object({
      folder: z.string().min(1).nullable().default(null),
      intervalMinutes: z.number().int().min(1).max(1440).default(15),
    })
    .default({ folder: null, intervalMinutes: 15 }),
});

export type StoredSettings = z.infer<typeof stored>;

/** Station settings that are not secret, in `settings.json` of the data folder. */
export interface SettingsFile {
  read(): StoredSettings;
  update(change: Partial<StoredSettings>): StoredSettings;
}

export function createSettingsFile(dataDir: string): SettingsFile {
  const file = join(dataDir, 'settings.json');
  const read = (): StoredSettings => {
    if (!existsSync(file)) return stored.parse({});
    // A damaged file falls back to training mode rather than stopping the till.
    const parsed = stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : stored.parse({});
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
