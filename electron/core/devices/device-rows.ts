import { createHash, randomBytes } from 'node:crypto';
import type { DeviceView } from '../../../shared/contract/device-views';
import type { AuditEntryInput, AuditRefusals, AuditSink } from '../audit/audit-entry';
import type { StationDb } from '../db/open-station-database';
import type { devices } from '../db/station-schema';
import type { Logger } from '../logging/logger';

export type DeviceRow = typeof devices.$inferSelect;

/** What the registry and the pairing codes share: the station database, the clock and the audit log. */
export interface RegistryContext {
  db: StationDb;
  now: () => number;
  audit: AuditSink;
  /** `bytes` random bytes as base64url (tests may pass a predictable one). */
  newToken: (bytes: number) => string;
  /** Till ids `sales-setup.json` already names, so a new till never takes one of theirs. */
  knownTillIds: () => readonly string[];
  /** Repeated refusals of one caller (a revoked tablet still polling) counted, not written one by one. */
  refusals?: AuditRefusals;
  logger?: Logger;
}

/** A refusal goes to the per-minute tally when there is one, so a device retrying cannot flood the log. */
export async function recordRefusal(
  ctx: RegistryContext,
  entry: AuditEntryInput,
  callerKey: string,
): Promise<void> {
  if (ctx.refusals) await ctx.refusals.refused(entry, callerKey);
  else await ctx.audit.record(entry);
}

/** The station's own window: a device too, so every call names one, but it is never linked over the network. */
export const STATION_DEVICE_ID = 'station';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Seed 001: a device unused for 30 days is logged out. */
export const DEVICE_IDLE_LIMIT_MS = 30 * DAY_MS;
/** Last seen is written at most once a minute, so a busy till does not write on every call. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Pairing codes and device credentials are 128 and 256 random bits, so a plain SHA-256 suffices: there
 * is nothing to guess, and a stolen database gives no usable credential.
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** The moment a device was last active: its last call, or its linking when it never called. */
export function lastActiveAt(row: DeviceRow): number {
  return row.lastSeenAt ?? row.createdAt;
}

export function isIdleTooLong(row: DeviceRow, now: number): boolean {
  return row.kind !== 'station' && now - lastActiveAt(row) > DEVICE_IDLE_LIMIT_MS;
}

export function toDeviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    rights: row.rights,
    kind: row.kind,
    tillId: row.tillId,
    lastSeenAt: iso(row.lastSeenAt),
    lastAddress: row.lastAddress,
    linkedAt: new Date(row.createdAt).toISOString(),
    status: row.revokedAt === null ? 'active' : (row.revokedReason ?? 'revoked'),
    endedAt: iso(row.revokedAt),
  };
}

function iso(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString();
}
