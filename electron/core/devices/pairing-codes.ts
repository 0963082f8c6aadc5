import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { ContractFailure, DEFAULT_TILL_ID } from '../../../shared/contract';
import type { DeviceRights } from '../../../shared/domain/roles';
import type { AuditActor } from '../audit/audit-entry';
import { newId } from '../db/ids';
import type { StationTx } from '../db/open-station-database';
import { devices, pairingCodes } from '../db/station-schema';
import { recordRefusal, sha256, type DeviceRow, type RegistryContext } from './device-rows';

/** A code shown on the station's screen is meant to be scanned now, not kept. */
export const PAIRING_TTL_MS = 5 * 60_000;
/** 128 random bits: unguessable within the five minutes it lives. */
const CODE_BYTES = 16;
/** The device's own credential: 256 random bits. */
const CREDENTIAL_BYTES = 32;

export type PairedKind = 'till' | 'bar' | 'display';

export interface PairingRequest {
  name: string;
  rights: DeviceRights;
  kind: PairedKind;
  /** A till or bar without one gets a fresh till id; a customer display must name the till it shows. */
  tillId?: string | null;
  actor: AuditActor;
}

export interface NewPairing {
  code: string;
  expiresAt: number;
  tillId: string | null;
}

/** Makes a one-time code for a device still to be linked; only its hash is stored. */
export async function createPairing(ctx: RegistryContext, request: PairingRequest): Promise<NewPairing> {
  const code = ctx.newToken(CODE_BYTES);
  const now = ctx.now();
  const expiresAt = now + PAIRING_TTL_MS;
  const tillId = await ctx.db.write(async (tx) => {
    const till = await tillFor(tx, ctx, request);
    await tx.insert(pairingCodes).values({
      codeHash: sha256(code),
      deviceName: request.name,
      rights: request.rights,
      kind: request.kind,
      tillId: till,
      createdBy: request.actor.staff?.id ?? null,
      createdAt: now,
      expiresAt,
    });
    return till;
  });
  await ctx.audit.record({
    ...request.actor,
    action: 'devices.pairingCreated',
    outcome: 'ok',
    detail: { name: request.name, rights: request.rights, kind: request.kind, tillId, expiresAt },
  });
  return { code, expiresAt, tillId };
}

export type PairingProblem = 'unknown' | 'used' | 'expired';

/**
 * Links the device holding `code`: works once, and only before the code expires. Anything else is
 * refused with PAIRING_CODE_INVALID, written to the audit log, and changes nothing.
 */
export async function redeemPairing(
  ctx: RegistryContext,
  input: { code: string; address: string | null },
): Promise<{ device: DeviceRow; credential: string }> {
  const credential = ctx.newToken(CREDENTIAL_BYTES);
  const link = { now: ctx.now(), codeHash: sha256(input.code), credential, address: input.address };
  const outcome = await ctx.db.write((tx) => linkOnce(tx, link));
  if ('problem' in outcome) {
    const entry = {
      staff: null,
      device: null,
      action: 'devices.link',
      outcome: 'refused' as const,
      detail: { reason: outcome.problem, address: input.address },
    };
    await recordRefusal(ctx, entry, input.address ?? 'unknown address');
    throw new ContractFailure('PAIRING_CODE_INVALID', `This pairing code is ${describe(outcome.problem)}`);
  }
  const { device } = outcome;
  await ctx.audit.record({
    staff: null,
    device: { id: device.id, name: device.name },
    action: 'devices.link',
    outcome: 'ok',
    subject: device.id,
    detail: { rights: device.rights, kind: device.kind, tillId: device.tillId, address: input.address },
  });
  return { device, credential };
}

async function linkOnce(
  tx: StationTx,
  {
    now,
    codeHash,
    credential,
    address,
  }: { now: number; codeHash: string; credential: string; address: string | null },
): Promise<{ problem: PairingProblem } | { device: DeviceRow }> {
  const [code] = await tx.select().from(pairingCodes).where(eq(pairingCodes.codeHash, codeHash)).limit(1);
  if (!code) return { problem: 'unknown' };
  if (code.usedAt !== null) return { problem: 'used' };
  if (code.expiresAt <= now) return { problem: 'expired' };
  const device: DeviceRow = {
    id: newId(),
    name: code.deviceName,
    rights: code.rights,
    kind: code.kind,
    tillId: code.tillId,
    credentialHash: sha256(credential),
    createdAt: now,
    createdBy: code.createdBy,
    // Linking is the device's first call: the list shows where it is from the start.
    lastSeenAt: now,
    lastAddress: address,
    revokedAt: null,
    revokedReason: null,
  };
  await tx
    .update(pairingCodes)
    .set({ usedAt: now, deviceId: device.id })
    .where(and(eq(pairingCodes.codeHash, codeHash), isNull(pairingCodes.usedAt)));
  await tx.insert(devices).values(device);
  return { device };
}

function describe(problem: PairingProblem): string {
  if (problem === 'used') return 'already used';
  return problem === 'expired' ? 'expired' : 'not known to this station';
}

/** The till the new device will have: the one chosen (checked), or a fresh one for a till or bar. */
async function tillFor(tx: StationTx, ctx: RegistryContext, request: PairingRequest): Promise<string | null> {
  const chosen = request.tillId ?? null;
  if (request.kind === 'display') {
    if (chosen === null) throw invalidTill('A customer display shows one till: choose which');
    if (!(await knownTills(tx, ctx)).has(chosen)) throw invalidTill(`There is no till ${chosen} to display`);
    return chosen;
  }
  if (chosen === null) return freshTillId(tx, ctx);
  // Each till has its own open payment and drawer: a second device on it would share them.
  const [holder] = await tx
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.tillId, chosen), isNull(devices.revokedAt), ne(devices.kind, 'display')))
    .limit(1);
  if (holder) throw invalidTill(`Till ${chosen} already has a linked device: revoke it first`);
  return chosen;
}

/** The station's own till, the tills of `sales-setup.json`, and those of linked tills and bars. */
async function knownTills(tx: StationTx, ctx: RegistryContext): Promise<Set<string>> {
  const linked = await tx
    .select({ tillId: devices.tillId })
    .from(devices)
    .where(and(isNull(devices.revokedAt), ne(devices.kind, 'display')));
  return new Set([DEFAULT_TILL_ID, ...ctx.knownTillIds(), ...linked.flatMap((row) => row.tillId ?? [])]);
}

/**
 * `till-2`, `till-3`…: the first one no device ever had (a revoked tablet's sales stay under its
 * till), `sales-setup.json` does not name, and no pairing code still waiting has reserved.
 */
async function freshTillId(tx: StationTx, ctx: RegistryContext): Promise<string> {
  const everLinked = await tx.select({ tillId: devices.tillId }).from(devices);
  const reserved = await tx
    .select({ tillId: pairingCodes.tillId })
    .from(pairingCodes)
    .where(and(isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, ctx.now())));
  const taken = new Set([
    DEFAULT_TILL_ID,
    ...ctx.knownTillIds(),
    ...[...everLinked, ...reserved].flatMap((row) => row.tillId ?? []),
  ]);
  for (let n = 2; ; n += 1) if (!taken.has(`till-${n}`)) return `till-${n}`;
}

function invalidTill(message: string): ContractFailure {
  return new ContractFailure('INVALID_INPUT', message, { fields: ['tillId'] });
}
