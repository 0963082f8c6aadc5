import { z } from 'zod';
import { DEVICE_RIGHTS } from '../domain/roles';
import { out } from './method-spec';
import type { DeviceNetworkView, DeviceView, PairingView } from './device-views';

const deviceName = z.string().trim().min(1).max(60);
const tillId = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);
/** A pairing code is 128 random bits as base64url (22 characters); a little room for longer ones later. */
const pairingCode = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
/** A literal IPv4 or IPv6 address: the certificate names it, and devices reach the station on it. */
const lanAddress = z
  .union([z.ipv4(), z.ipv6()])
  .refine((address) => !/^(0\.0\.0\.0|::0*)$/.test(address), 'one address devices can reach, not "any"');

/**
 * Linked devices (seed 001): an administrator or manager links a till, bar or customer display with a
 * one-time code; the device keeps its own credential (as a cookie set by the HTTPS shell) until it is
 * revoked, unlinks itself, or goes unused for 30 days. Merged into `methods`.
 */
export const deviceMethods = {
  'devices.list': { permission: 'close', input: z.object({}).strict(), output: out<DeviceView[]>() },
  'devices.createPairing': {
    permission: 'close',
    input: z
      .object({
        name: deviceName,
        rights: z.enum(DEVICE_RIGHTS),
        kind: z.enum(['till', 'bar', 'display']),
        /** A till or bar without one gets a fresh till id; a customer display must name its till. */
        tillId: tillId.optional(),
      })
      .strict(),
    output: out<PairingView>(),
  },
  'devices.revoke': {
    permission: 'close',
    input: z.object({ deviceId: z.string().min(1).max(64) }).strict(),
    output: out<DeviceView>(),
  },
  /** The device opening the link: answers the linked device; the credential travels only as a cookie. */
  'devices.pair': {
    permission: 'public',
    input: z.object({ code: pairingCode }).strict(),
    output: out<DeviceView>(),
  },
  /** *Unlink this device*, on the device itself: its access ends at once. */
  'devices.unlinkSelf': { permission: 'signedIn', input: z.object({}).strict(), output: out<DeviceView>() },
  'devices.getNetwork': {
    permission: 'administer',
    input: z.object({}).strict(),
    output: out<DeviceNetworkView>(),
  },
  'devices.setNetwork': {
    permission: 'administer',
    input: z
      .object({
        enabled: z.boolean(),
        address: lanAddress.nullable(),
        // Not a privileged port: the station does not run as root.
        port: z.number().int().min(1024).max(65535),
      })
      .strict()
      .refine((network) => !network.enabled || network.address !== null, {
        message: 'choose the address devices reach the station on',
        path: ['address'],
      }),
    output: out<DeviceNetworkView>(),
  },
} as const;
