import { z } from 'zod';
import { out } from './method-spec';

/** A SUCCEEDED Bancontact payment of a restore's gap that the restored book did not know: brought back. */
export interface RecoveredPaymentView {
  bancontactId: string;
  /** A sale (booked on the first open business day) or a top-up (credited to its wristband). */
  kind: 'sale' | 'topup';
  amountCents: number;
  /** When Bancontact says it succeeded (ISO). */
  succeededAt: string;
  saleId: string | null;
  /** The wristband credited; null for a sale, and for a top-up whose wristband the book does not know (needs attention). */
  wristbandId: string | null;
  recoveredAt: string;
}

/** What a restore cannot bring back: nothing outside the station's own files ever recorded them. */
export const CANNOT_COME_BACK = [
  'cash_sales',
  'wristband_debits',
  'drawer_movements',
  'festival_unreadable',
] as const;
export type LostKind = (typeof CANNOT_COME_BACK)[number];

/** The last restore of the current mode's database and what it brought back. */
export interface RestoreView {
  id: string;
  restoredAt: string;
  /** The backup file's name. */
  fromFile: string;
  /** When the backup was taken: the gap runs from here to `restoredAt`. */
  backupTakenAt: string;
  /** Where the search at Bancontact starts: the backup's time minus a safety margin. */
  searchedFrom: string;
  /** Null while Bancontact has not been searched yet (it is retried until it answers). */
  searchedAt: string | null;
  recovered: RecoveredPaymentView[];
  /** Said plainly to the manager: made between the backup and the restore, these are gone. */
  cannotComeBack: LostKind[];
}

/** What `backups.restore` did. */
export interface RestoreResultView {
  databaseFile: string;
  fromFile: string;
  backupTakenAt: string;
  restoredAt: string;
  /** The replaced database's new name beside it (never deleted), or null when there was none. */
  movedAside: string | null;
  /** The next Z gets a higher number than this. */
  lastZ: number;
  /** Z reports issued after the backup and lost with the gap (printed, maybe handed on), or null. */
  lostZ: { from: number; to: number } | null;
}

/** Only a name Kassa gives its backups: the file is looked up in the backup folder, never at a free path. */
const backupFileName = z.string().regex(/^(kassa|preprod|training)-\d{8}T\d{9}Z-[a-z]+\.sqlite$/);

/** Restoring a backup and the gap it leaves; merged into `methods`. */
export const restoreMethods = {
  'backups.restore': {
    permission: 'administer',
    input: z.object({ fileName: backupFileName }).strict(),
    output: out<RestoreResultView>(),
  },
  'restore.getLast': {
    permission: 'close',
    input: z.object({}).strict(),
    output: out<RestoreView | null>(),
  },
} as const;
