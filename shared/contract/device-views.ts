import type { DeviceKind, DeviceRights } from '../domain/roles';

/** Why a device can no longer call: revoked at the station, unlinked on itself, or unused for 30 days. */
export const DEVICE_END_REASONS = ['revoked', 'unlinked', 'expired'] as const;
export type DeviceEndReason = (typeof DEVICE_END_REASONS)[number];

/** A device as the Linked devices list shows it; never its credential or the credential's hash. */
export interface DeviceView {
  id: string;
  name: string;
  rights: DeviceRights;
  kind: DeviceKind;
  /** The till it sells at, or whose customer display it is; null for the station's own window. */
  tillId: string | null;
  /** Its last call (ISO, UTC), to the minute; null before its first call. */
  lastSeenAt: string | null;
  /** The network address of its last call. */
  lastAddress: string | null;
  /** When it was linked (ISO, UTC). */
  linkedAt: string;
  status: 'active' | DeviceEndReason;
  /** When its access ended (ISO, UTC); null while active. */
  endedAt: string | null;
}

/** A new pairing, shown at the station as a QR code and a link; works once, until `expiresAt`. */
export interface PairingView {
  /** The one-time code, also in the link's fragment (`#code`) so no server or proxy logs it. */
  code: string;
  /** `https://<lan address>:<port>/pair#<code>`. */
  link: string;
  expiresAt: string;
  /** The till the device will sell at (a fresh one when none was chosen) or display. */
  tillId: string | null;
  /** SHA-256 of the station's certificate, `AB:CD:…`, to compare with the one the device's page shows. */
  fingerprint: string;
  /** The link as a QR code (SVG markup). */
  qrSvg: string;
}

/** Linked devices on the local network: off until an administrator turns it on; HTTPS only. */
export interface DeviceNetworkView {
  enabled: boolean;
  /** The LAN address devices reach the station on; null until one is chosen. */
  address: string | null;
  port: number;
  /** The current certificate's SHA-256 fingerprint, once one was made. */
  fingerprint: string | null;
  /** This machine's own LAN addresses, to choose from. */
  candidateAddresses: string[];
}
