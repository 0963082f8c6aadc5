import { and, asc, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { DeviceEndReason, DeviceView } from '../../../shared/contract/device-views';
import type { AuditActor, AuditRefusals, AuditSink } from '../audit/audit-entry';
import type { CallerDevice } from '../api/dispatcher';
import type { StationDb } from '../db/open-station-database';
import { devices, pairingCodes, sessions } from '../db/station-schema';
import type { Logger } from '../logging/logger';
import {
  DAY_MS,
  DEVICE_IDLE_LIMIT_MS,
  LAST_SEEN_RESOLUTION_MS,
  STATION_DEVICE_ID,
  isIdleTooLong,
  randomToken,
  recordRefusal,
  sha256,
  toDeviceView,
  type DeviceRow,
  type RegistryContext,
} from './device-rows';
import { createPairing, redeemPairing, type NewPairing, type PairingRequest } from './pairing-codes';

export interface DeviceRegistryDeps {
  db: StationDb;
  now: () => number;
  audit: AuditSink;
  newToken?: (bytes: number) => string;
  /** Till ids `sales-setup.json` names (its `tills`), so a new till never takes one of theirs. */
  knownTillIds?: () => readonly string[];
  /** The audit log's per-minute tally for repeated refusals (a revoked device that keeps calling). */
  refusals?: AuditRefusals;
  logger?: Logger;
}

/** Told when a device's access ends, so its sessions and open event streams close at once. */
export type RevokedListener = (deviceId: string, reason: DeviceEndReason) => void;

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;

/**
 * The devices linked to the station, all in `station.sqlite`: a restart keeps every link and every
 * revocation. Credentials are kept only as hashes and never leave through `list()`.
 */
export function createDeviceRegistry(deps: DeviceRegistryDeps) {
  const ctx: RegistryContext = {
    db: deps.db,
    now: deps.now,
    audit: deps.audit,
    newToken: deps.newToken ?? randomToken,
    knownTillIds: deps.knownTillIds ?? (() => []),
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.refusals ? { refusals: deps.refusals } : {}),
  };
  const listeners = new Set<RevokedListener>();
  const end = (row: DeviceRow, reason: DeviceEndReason, actor: AuditActor) =>
    endAccess(ctx, listeners, row, reason, actor);
  return {
    createPairing: (request: PairingRequest): NewPairing => createPairing(ctx, request),
    pair(input: { code: string; address: string | null }): { device: DeviceView; credential: string } {
      const { device, credential } = redeemPairing(ctx, input);
      return { device: toDeviceView(device), credential };
    },
    authenticate: (credential: string, address?: string | null): CallerDevice | 'revoked' | null =>
      authenticate(ctx, end, credential, address ?? null),
    list: (): DeviceView[] => listDevices(ctx.db),
    get: (id: string): DeviceView | null => {
      const row = findRow(ctx.db, id);
      return row ? toDeviceView(row) : null;
    },
    /** An administrator or manager ends a device's access from the station. */
    revoke: (id: string, actor: AuditActor): DeviceView => endById(ctx, end, id, 'revoked', actor),
    /** *Unlink this device*, on the device itself. */
    unlink: (id: string): DeviceView => endById(ctx, end, id, 'unlinked', null),
    /** Run daily: every device unused for 30 days loses its access, even if it never calls again. */
    sweepExpired: (): DeviceView[] => sweepExpired(ctx, end),
    ensureStationDevice: (): DeviceView => ensureStationDevice(ctx),
    /** The station's own window as the caller of every loopback and desktop call. */
    stationDevice: (): CallerDevice => callerDevice(ensureStationDevice(ctx)),
    onRevoked(listener: RevokedListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type EndAccess = (row: DeviceRow, reason: DeviceEndReason, actor: AuditActor) => DeviceView;

/**
 * The device a credential belongs to, or null when no device has it. A device whose access ended is
 * `revoked` (the dispatcher answers DEVICE_REVOKED) and the refusal is audited with the reason; one
 * unused for 30 days ends here, on its first call back.
 */
function authenticate(
  ctx: RegistryContext,
  end: EndAccess,
  credential: string,
  address: string | null,
): CallerDevice | 'revoked' | null {
  let row = ctx.db
    .select()
    .from(devices)
    .where(eq(devices.credentialHash, sha256(credential)))
    .get();
  if (!row) return null;
  const now = ctx.now();
  if (row.revokedAt === null && isIdleTooLong(row, now)) {
    end(row, 'expired', { staff: null, device: null });
    row = findRow(ctx.db, row.id) ?? row;
  }
  if (row.revokedAt !== null) {
    auditRefusal(ctx, row, address);
    return 'revoked';
  }
  touch(ctx, row, now, address);
  return callerDevice(row);
}

function callerDevice({ id, name, kind, rights, tillId }: Pick<DeviceRow, keyof CallerDevice>): CallerDevice {
  return { id, name, kind, rights, tillId };
}

function auditRefusal(ctx: RegistryContext, row: DeviceRow, address: string | null): void {
  const reason = row.revokedReason ?? 'revoked';
  const entry = {
    staff: null,
    device: { id: row.id, name: row.name },
    action: 'devices.authenticate',
    outcome: 'refused' as const,
    subject: row.id,
    detail: { reason, address },
  };
  recordRefusal(ctx, entry, row.id);
}

/** Last seen and address, written at most once a minute (or when the address changes). */
function touch(ctx: RegistryContext, row: DeviceRow, now: number, address: string | null): void {
  const fresh = row.lastSeenAt !== null && now - row.lastSeenAt < LAST_SEEN_RESOLUTION_MS;
  if (fresh && (address === null || address === row.lastAddress)) return;
  ctx.db
    .update(devices)
    .set({ lastSeenAt: now, lastAddress: address ?? row.lastAddress })
    .where(eq(devices.id, row.id))
    .run();
}

function endById(
  ctx: RegistryContext,
  end: EndAccess,
  id: string,
  reason: 'revoked' | 'unlinked',
  actor: AuditActor | null,
): DeviceView {
  const row = findRow(ctx.db, id);
  if (!row) throw new ContractFailure('NOT_FOUND', `No device ${id}`);
  if (row.kind === 'station')
    throw new ContractFailure('FORBIDDEN', "The station's own window cannot be revoked or unlinked");
  // Already ended: nothing to do, and the first reason stays the one the list shows.
  if (row.revokedAt !== null) return toDeviceView(row);
  return end(row, reason, actor ?? { staff: null, device: { id: row.id, name: row.name } });
}

/**
 * Marks the device ended and ends its sessions in one transaction, writes the audit entry, then tells
 * the listeners (the lead's event streams) so an open stream closes now rather than at its next call.
 */
function endAccess(
  ctx: RegistryContext,
  listeners: ReadonlySet<RevokedListener>,
  row: DeviceRow,
  reason: DeviceEndReason,
  actor: AuditActor,
): DeviceView {
  const now = ctx.now();
  const ended = ctx.db.transaction((tx) => {
    const changed = tx
      .update(devices)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(devices.id, row.id), isNull(devices.revokedAt)))
      .run().changes;
    tx.update(sessions)
      .set({ endedAt: now, endedReason: 'revoked' })
      .where(and(eq(sessions.deviceId, row.id), isNull(sessions.endedAt)))
      .run();
    return changed === 1;
  });
  const view = toDeviceView(findRow(ctx.db, row.id) ?? row);
  if (!ended) return view;
  ctx.audit.record({
    ...actor,
    action:
      reason === 'unlinked' ? 'devices.unlink' : reason === 'expired' ? 'devices.expire' : 'devices.revoke',
    outcome: 'ok',
    subject: row.id,
    detail: { name: row.name, kind: row.kind, tillId: row.tillId, reason },
  });
  for (const listener of listeners) {
    try {
      listener(row.id, reason);
    } catch (error) {
      ctx.logger?.error(`A listener failed on the end of device ${row.id}`, error);
    }
  }
  return view;
}

function sweepExpired(ctx: RegistryContext, end: EndAccess): DeviceView[] {
  const cutoff = ctx.now() - DEVICE_IDLE_LIMIT_MS;
  const idle = ctx.db
    .select()
    .from(devices)
    .where(
      and(
        isNull(devices.revokedAt),
        ne(devices.kind, 'station'),
        lt(sql`coalesce(${devices.lastSeenAt}, ${devices.createdAt})`, cutoff),
      ),
    )
    .all();
  // Codes long past their five minutes serve no one; the audit log keeps what happened to them.
  ctx.db
    .delete(pairingCodes)
    .where(lt(pairingCodes.expiresAt, ctx.now() - DAY_MS))
    .run();
  return idle.map((row) => end(row, 'expired', { staff: null, device: null }));
}

/** The station's own window as a device row (id `station`), made on first start. */
function ensureStationDevice(ctx: RegistryContext): DeviceView {
  ctx.db
    .insert(devices)
    .values({
      id: STATION_DEVICE_ID,
      name: 'Station',
      rights: 'manager',
      kind: 'station',
      tillId: null,
      // A hash of a credential nobody holds: the window is never reached over the network.
      credentialHash: sha256(randomToken(32)),
      createdAt: ctx.now(),
    })
    .onConflictDoNothing()
    .run();
  const row = findRow(ctx.db, STATION_DEVICE_ID);
  if (!row) throw new Error('The station device row could not be written');
  return toDeviceView(row);
}

/** Devices still linked first, in the order they were linked; ended ones after them, latest ended first. */
function listDevices(db: StationDb): DeviceView[] {
  return db
    .select()
    .from(devices)
    .orderBy(sql`${devices.revokedAt} is not null`, desc(devices.revokedAt), asc(devices.createdAt))
    .all()
    .map(toDeviceView);
}

function findRow(db: StationDb, id: string): DeviceRow | undefined {
  return db.select().from(devices).where(eq(devices.id, id)).get();
}
