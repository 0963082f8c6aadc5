import type { Environment } from '../../../shared/contract';

/** Payment V3 base URLs; the paths carry `/v3/...`. */
export const ENVIRONMENT_URLS: Record<Environment, string> = {
  production: 'https://merchant.api.bancontact.net',
  preprod: 'https://merchant.api.preprod.bancontact.net',
};

/** Host that current payment payloads (deeplinks, QR content) use. */
export const PAYLOAD_HOST = 'https://pay.bancontact.net';
export const LEGACY_PAYLOAD_HOST = 'https://payconiq.com';
