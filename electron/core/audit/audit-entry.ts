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
  record(entry: AuditEntryInput): void;
}
