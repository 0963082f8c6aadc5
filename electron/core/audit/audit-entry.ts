/** Who did something, as the audit log names them: a person and a device, either may be unknown. */
export interface AuditActor {
  staff: { id: string; name: string } | null;
  device: { id: string; name: string } | null;
}

/** One thing worth keeping: a sign-in, a lock, a staff change, a device link, a Z, a refund file… */
export interface AuditEntryInput extends AuditActor {
  /** A dotted name, e.g. `staff.signIn`, `staff.locked`, `devices.revoke`, `reports.closeDay`. */
  action: string;
  outcome: 'ok' | 'refused';
  /** What it was about: a person's id, a device's id, a Z number, a wristband id, a refund file's id. */
  subject?: string | null;
  /** Details for a reader (never a PIN, password, token or API key). */
  detail?: Record<string, unknown>;
}

/** Where services write what they did; the audit log (audit/audit-log.ts) is the one implementation. */
export interface AuditSink {
  /** Awaited by every caller: the audit log writes in a unit of work of the station database. */
  record(entry: AuditEntryInput): void | Promise<void>;
}

/**
 * For a service that refuses the same caller over and over (wrong PINs from one device): the first
 * refusal of a caller and action in a minute is written, the rest are counted into one entry. The
 * audit log (audit/audit-log.ts) implements it beside `AuditSink`.
 */
export interface AuditRefusals {
  /** `callerKey`: the device's id, or the address when the call has no device. */
  refused(entry: AuditEntryInput, callerKey: string): void | Promise<void>;
}
