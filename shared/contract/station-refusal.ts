import { ContractFailure } from './errors';

/** What the station found wrong with a file at start, as a code the UI can put in words. */
export const REFUSAL_PROBLEMS = [
  'missing',
  'empty',
  'not-sqlite',
  'damaged',
  'no-identity',
  'other-book',
  'older-z',
  'bad-field',
  'not-json',
  'unreadable',
  'read-only',
  'no-credentials',
  'too-open',
  'wrong-key',
] as const;
export type RefusalProblem = (typeof REFUSAL_PROBLEMS)[number];

/** What an administrator can do about it. */
export type RefusalRemedy =
  | 'restore-backup'
  | 'start-new-book'
  | 'fix-field'
  | 'fix-file'
  | 'make-writable'
  | 'enter-credentials'
  | 'owner-only'
  | 'copy-site-key';

/** Why the station would not start, held instead of a running till until a remedy is applied. */
export interface StationRefusal {
  /** The full path of the file (or folder) at fault. */
  file: string;
  /** Its name alone, for screens. */
  fileName: string;
  problem: RefusalProblem;
  /** The problem in one English sentence fragment, for logs and the command line. */
  detail: string;
  /** The field at fault in a settings-like file (`topupProfiles.0.amountMode`), else null. */
  field: string | null;
  /** The live database a new book would replace (`kassa.sqlite`, `preprod.sqlite`), else null. */
  databaseFile: string | null;
  remedies: RefusalRemedy[];
  /** `Kassa refused to start: <file>: <detail>. <remedy>` — what the command line prints. */
  line: string;
}

export type RefusalInput = Omit<StationRefusal, 'fileName' | 'line' | 'field' | 'databaseFile'> & {
  field?: string | null;
  databaseFile?: string | null;
};

const REMEDY_TEXT: Record<RefusalRemedy, (r: RefusalInput) => string> = {
  'restore-backup': () => 'restore a backup (npm run restore -- --from FILE)',
  'start-new-book': () => 'start a new book (npm run new-book)',
  'fix-field': (r) => `fix or remove the field "${r.field ?? ''}" in that file`,
  'fix-file': () => 'fix the file, or move it away to start from the defaults',
  'make-writable': () => 'make the folder writable, or choose another data folder with --data',
  'enter-credentials': () =>
    'put the file back, or set "mode" to "training" in settings.json and enter the credentials again in Settings',
  'owner-only': (r) => `make it readable by its owner only (chmod 600 ${r.file})`,
  'copy-site-key': () => 'copy the site key file from a station of this site (see docs/site-setup.md)',
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds the refusal with its one line; the file name is the path's last part. */
export function stationRefusal(input: RefusalInput): StationRefusal {
  const fileName = input.file.split(/[\\/]/).pop() ?? input.file;
  const remedy = capitalised(input.remedies.map((r) => REMEDY_TEXT[r](input)).join(', or '));
  return {
    ...input,
    fileName,
    field: input.field ?? null,
    databaseFile: input.databaseFile ?? null,
    line: `Kassa refused to start: ${input.file}: ${input.detail}. ${remedy}.`,
  };
}

/**
 * Thrown by the start checks (and by any later read of a file that failed them): a contract failure,
 * so a method that meets it answers STATION_REFUSED with the same one line.
 */
export class StartRefusal extends ContractFailure {
  constructor(readonly refusal: StationRefusal) {
    super('STATION_REFUSED', refusal.line);
    this.name = 'StartRefusal';
  }
}

export function refuse(input: RefusalInput): StartRefusal {
  return new StartRefusal(stationRefusal(input));
}
