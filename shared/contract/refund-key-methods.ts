import { z } from 'zod';
import { out } from './method-spec';

/**
 * The merchant's own signing key for Bancontact's Refund API, for the current mode's payment profile.
 * Only public facts: the private key never leaves the station's secret store.
 */
export interface RefundSigningKeyView {
  /** The payment profile (PPID) the key belongs to. */
  ppid: string;
  /** The key id Kassa's signatures carry (RFC 7638 thumbprint). */
  kid: string;
  /** When this key was made (ms since the epoch). */
  createdAt: number;
  /** Keys rotated out that the JWKS still publishes for a while, newest first. */
  retiredKids: string[];
  /** Where the station serves the JWKS, relative to the station's own address (a download). */
  jwksPath: string;
  /** The JWKS at the public URL (the callback listener's address), to give Bancontact; null without one. */
  jwksUrl: string | null;
}

/**
 * Where the station serves a profile's public JWKS: on the callback listener (the address Bancontact
 * reaches) and on the station's own window, `<prefix><ppid>.json`; `?download` makes it a file.
 */
export const MERCHANT_JWKS_PREFIX = '/.well-known/kassa/jwks/';

export const merchantJwksPath = (ppid: string): string => `${MERCHANT_JWKS_PREFIX}${ppid}.json`;

/** The Refunds part of the settings; merged into `methods`. */
export const refundKeyMethods = {
  /** Makes the profile's key pair on first use. */
  'settings.getRefundSigningKey': {
    permission: 'administer',
    input: z.object({}).strict(),
    output: out<RefundSigningKeyView>(),
  },
  'settings.rotateRefundSigningKey': {
    permission: 'administer',
    // The screen asks first: Bancontact refuses refunds until it has the new JWKS.
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: out<RefundSigningKeyView>(),
  },
} as const;
