/** Who did it, as the audit log keeps them (names as they were then, not as they are now). */
export interface AuditPartyView {
  id: string;
  name: string;
}

/** One entry of the audit log. */
export interface AuditEntryView {
  seq: number;
  /** ISO time (UTC). */
  at: string;
  /** training, preprod or live; null before the station had a mode. */
  mode: string | null;
  /** A dotted name: the contract method (`reports.closeDay`), or `session.signIn`, `staff.locked`… */
  action: string;
  outcome: 'ok' | 'refused';
  staff: AuditPartyView | null;
  device: AuditPartyView | null;
  /** What it was about: a person, a device, `Z 12`, a wristband id, a refund file id. */
  subject: string | null;
  /**
   * Details, never a secret. A refused call has `error` (its code); a minute's repeated refusals
   * have `repeated` (how many more) and `minute` (ISO, its start).
   */
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditPageView {
  entries: AuditEntryView[];
  /** Pass as `beforeSeq` for the next, older page; null when there is none. */
  nextBeforeSeq: number | null;
}

/** What `audit.verify` found, walking the whole chain. */
export interface AuditVerifyView {
  ok: boolean;
  checked: number;
  /** The first entry that does not hold; null when the chain is intact. */
  firstBrokenSeq: number | null;
  /** changed: its content no longer gives its hash; missing: entries before it were removed; unlinked: it does not follow the one before. */
  reason: 'changed' | 'missing' | 'unlinked' | null;
  /** The last good entry's hash. */
  lastHash: string;
}

/** A CSV of the audit log, served at `path` (`/downloads/audit/<fileName>`) to an administrator. */
export interface AuditDownloadView {
  path: string;
  fileName: string;
  contentType: string;
  bytes: number;
  /** Entries written (the header not counted). */
  rows: number;
}
