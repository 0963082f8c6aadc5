import { ContractFailure } from '../../../shared/contract/errors';
import type { AuditActor, AuditEntryInput, AuditSink } from '../audit/audit-entry';

/**
 * The audit log (audit/audit-log.ts) also takes refusals through `refused`, which writes the first of a
 * caller's minute and counts the rest, so a flood of wrong PINs is not stored one by one. A plain sink
 * (a test's) gets each refusal through `record`.
 */
export interface StaffAuditSink extends AuditSink {
  refused?(entry: AuditEntryInput, callerKey: string): void | Promise<void>;
}

/** Writes staff actions to the audit log, and refusals with their code (never the secret tried). */
export function staffAudit(audit: StaffAuditSink) {
  const ok = async (
    action: string,
    actor: AuditActor,
    subject: string | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> => {
    await audit.record({ ...actor, action, outcome: 'ok', subject, detail });
  };
  const refused = async (
    action: string,
    actor: AuditActor,
    subject: string | null,
    detail: Record<string, unknown>,
  ): Promise<void> => {
    const entry = { ...actor, action, outcome: 'refused' as const, subject, detail };
    // Counted against the device, as the audit log counts every other refusal of a caller.
    if (audit.refused) await audit.refused(entry, actor.device?.id ?? 'unknown-device');
    else await audit.record(entry);
  };

  /** Runs a change; a refusal it throws is audited as refused with its code, then passed on unchanged. */
  async function guarded<T>(
    action: string,
    actor: AuditActor,
    subject: string | null,
    run: () => T | Promise<T>,
  ) {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ContractFailure) await refused(action, actor, subject, { code: error.code });
      throw error;
    }
  }
  return { ok, refused, guarded };
}

export type StaffAudit = ReturnType<typeof staffAudit>;
