import { and, asc, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { DeviceEndReason, DeviceView } from '../../../shared/contract/device-views';
import type { AuditActor, AuditRefusals, AuditSink } from '../audit/audit-entry';
import type { CallerDevice } from '../api/dispatcher';
import type { StationDb } from '../db/open-station-database';
import { changedRows } from '../db/raw';
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
export type RevokedListener = (deviceId: string, reason: DeviceEndReason) => void | Promise<void>;

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
    createPairing: (request: PairingRequest): Promise<NewPairing> => createPairing(ctx, request),
    async pair(input: {
      code: string;
      address: string | null;
    }): Promise<{ device: DeviceView; credential: string }> {
      const { device, credential } = await redeemPairing(ctx, input);
      return { device: toDeviceView(device), credential };
    },
    authenticate: (credential: string, address?: string | null): Promise<CallerDevice | 'revoked' | null> =>
      authenticate(ctx, end, credential, address ?? null),
    list: (): Promise<DeviceView[]> => listDevices(ctx.db),
    get: async (id: string): Promise<DeviceView | null> => {
      const row = await findRow(ctx.db, id);
      return row ? toDeviceView(row) : null;
    },
    /** An administrator or manager ends a device's access from the station. */
    revoke: (id: string, actor: AuditActor): Promise<DeviceView> => endById(ctx, end, id, 'revoked', actor),
    /** *Unlink this device*, on the device itself. */
    unlink: (id: string): Promise<DeviceView> => endById(ctx, end, id, 'unlinked', null),
    /** Run daily: every device unused for 30 days loses its access, even if it never calls again. */
    sweepExpired: (): Promise<DeviceView[]> => sweepExpired(ctx, end),
    ensureStationDevice: (): Promise<DeviceView> => ensureStationDevice(ctx),
    /** The station's own window as the caller of every loopback and desktop call. */
    stationDevice: async (): Promise<CallerDevice> => callerDevice(await ensureStationDevice(ctx)),
    onRevoked(listener: RevokedListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type EndAccess = (row: DeviceRow, reason: DeviceEndReason, actor: AuditActor) => Promise<DeviceView>;

/**
 * The device a credential belongs to, or null when no device has it. A device whose access ended is
 * `revoked` (the dispatcher answers DEVICE_REVOKED) and the refusal is audited with the reason; one
 * unused for 30 days ends here, on its first call back.
 */
async function authenticate(
  ctx: RegistryContext,
  end: EndAccess,
  credential: string,
  address: string | null,
): Promise<CallerDevice | 'revoked' | null> {
  let [row] = await ctx.db.read((q) =>
    q
      .select()
      .from(devices)
      .where(eq(devices.credentialHash, sha256(credential)))
      .limit(1),
  );
  if (!row) return null;
  const now = ctx.now();
  if (row.revokedAt === null && isIdleTooLong(row, now)) {
    await end(row, 'expired', { staff: null, device: null });
    row = (await findRow(ctx.db, row.id)) ?? row;
  }
  if (row.revokedAt !== null) {
    await auditRefusal(ctx, row, address);
    return 'revoked';
  }
  await touch(ctx, row, now, address);
  return callerDevice(row);
}

function callerDevice({ id, name, kind, rights, tillId }: Pick<DeviceRow, keyof CallerDevice>): CallerDevice {
  return { id, name, kind, rights, tillId };
}

function auditRefusal(ctx: RegistryContext, row: DeviceRow, address: string | null): Promise<void> {
  const reason = row.revokedReason ?? 'revoked';
  const entry = {
    staff: null,
    device: { id: row.id, name: row.name },
    action: 'devices.authenticate',
    outcome: 'refused' as const,
    subject: row.id,
    detail: { reason, address },
  };
  return recordRefusal(ctx, entry, row.id);
}

/** Last seen and address, written at most once a minute (or when the address changes). */
async function touch(
  ctx: RegistryContext,
  row: DeviceRow,
  now: number,
  address: string | null,
): Promise<void> {
  const fresh = row.lastSeenAt !== null && now - row.lastSeenAt < LAST_SEEN_RESOLUTION_MS;
  if (fresh && (address === null || address === row.lastAddress)) return;
  await ctx.db.write(async (tx) => {
    await tx
      .update(devices)
      .set({ lastSeenAt: now, lastAddress: address ?? row.lastAddress })
      .where(eq(devices.id, row.id));
  });
}

async function endById(
  ctx: RegistryContext,
  end: EndAccess,
  id: string,
  reason: 'revoked' | 'unlinked',
  actor: AuditActor | null,
): Promise<DeviceView> {
  const row = await findRow(ctx.db, id);
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
async function endAccess(
  ctx: RegistryContext,
  listeners: ReadonlySet<RevokedListener>,
  row: DeviceRow,
  reason: DeviceEndReason,
  actor: AuditActor,
): Promise<DeviceView> {
  const now = ctx.now();
  const ended = await ctx.db.write(async (tx) => {
    const changed = changedRows(
      await tx
        .update(devices)
        .set({ revokedAt: now, revokedReason: reason })
        .where(and(eq(devices.id, row.id), isNull(devices.revokedAt))),
    );
    await tx
      .update(sessions)
      .set({ endedAt: now, endedReason: 'revoked' })
      .where(and(eq(sessions.deviceId, row.id), isNull(sessions.endedAt)));
    return changed === 1;
  });
  const view = toDeviceView((await findRow(ctx.db, row.id)) ?? row);
  if (!ended) return view;
  await ctx.audit.record({
    ...actor,
    action:
      reason === 'unlinked' ? 'devices.unlink' : reason === 'expired' ? 'devices.expire' : 'devices.revoke',
    outcome: 'ok',
    subject: row.id,
    detail: { name: row.name, kind: row.kind, tillId: row.tillId, reason },
  });
  for (const listener of listeners) {
    try {
      await listener(row.id, reason);
    } catch (error) {
      ctx.logger?.error(`A listener failed on the end of device ${row.id}`, error);
    }
  }
  return view;
}

async function sweepExpired(ctx: RegistryContext, end: EndAccess): Promise<DeviceView[]> {
  const cutoff = ctx.now() - DEVICE_IDLE_LIMIT_MS;
  const idle = await ctx.db.read((q) =>
    q
      .select()
      .from(devices)
      .where(
        and(
          isNull(devices.revokedAt),
          ne(devices.kind, 'station'),
          lt(sql`coalesce(${devices.lastSeenAt}, ${devices.createdAt})`, cutoff),
        ),
      ),
  );
  // Codes long past their five minutes serve no one; the audit log keeps what happened to them.
  await ctx.db.write(async (tx) => {
    await tx.delete(pairingCodes).where(lt(pairingCodes.expiresAt, ctx.now() - DAY_MS));
  });
  const views: DeviceView[] = [];
  for (const row of idle) views.push(await end(row, 'expired', { staff: null, device: null }));
  return views;
}

/** The station's own window as a device row (id `station`), made on first start. */
async function ensureStationDevice(ctx: RegistryContext): Promise<DeviceView> {
  // Every loopback and desktop call names this device: once the row is there, a read answers.
  const existing = await findRow(ctx.db, STATION_DEVICE_ID);
  if (existing) return toDeviceView(existing);
  await ctx.db.write(async (tx) => {
    await tx
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
      .onConflictDoNothing();
  });
  const row = await findRow(ctx.db, STATION_DEVICE_ID);
  if (!row) throw new Error('The station device row could not be written');
  return toDeviceView(row);
}

/** Devices still linked first, in the order they were linked; ended ones after them, latest ended first. */
async function listDevices(db: StationDb): Promise<DeviceView[]> {
  const rows = await db.read((q) =>
    q
      .select()
      .from(devices)
      .orderBy(sql`${devices.revokedAt} is not null`, desc(devices.revokedAt), asc(devices.createdAt)),
  );
  return rows.map(toDeviceView);
}

async function findRow(db: StationDb, id: string): Promise<DeviceRow | undefined> {
  const [row] = await db.read((q) => q.select().from(devices).where(eq(devices.id, id)).limit(1));
  return row;
}
