import { ContractFailure } from '../../../shared/contract/errors';
import type { AuditActor, AuditSink } from '../audit/audit-entry';

/** Writes staff actions to the audit log, and refusals with their code (never the secret tried). */
export function staffAudit(audit: AuditSink) {
  const ok = (
    action: string,
    actor: AuditActor,
    subject: string | null,
    detail: Record<string, unknown> = {},
  ) => audit.record({ ...actor, action, outcome: 'ok', subject, detail });
  const refused = (
    action: string,
    actor: AuditActor,
    subject: string | null,
    detail: Record<string, unknown>,
  ) => audit.record({ ...actor, action, outcome: 'refused', subject, detail });

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
      if (error instanceof ContractFailure) refused(action, actor, subject, { code: error.code });
      throw error;
    }
  }
  return { ok, refused, guarded };
}

export type StaffAudit = ReturnType<typeof staffAudit>;
