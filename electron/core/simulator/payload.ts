/**
 * Parsing of what a payer's app reads from a QR code: a dynamic payment (`/pay/2/{paymentId}`), a
 * static sticker (`/l/1/{ppid}/{posId}`) or a template/top-up code (`/t/1/{ppid}?D=&A=&R=`).
 */
interface OnHost {
  /** Lower-cased host the code was printed with, to apply the legacy-host cut-over. */
  host: string;
}
export type ScannedPayload =
  | ({ kind: 'payment'; paymentId: string } & OnHost)
  | ({ kind: 'sticker'; ppid: string; posId: string } & OnHost)
  | ({ kind: 'template'; ppid: string; params: TemplateParams } & OnHost);

/** The raw, URL-decoded template parameters; `topup.ts` judges them. */
export interface TemplateParams {
  D?: string;
  A?: string;
  R?: string;
}

export const CURRENT_PAYLOAD_HOST = 'pay.bancontact.net';
export const LEGACY_PAYLOAD_HOST = 'payconiq.com';
/** Both hosts are live during the Payconiq → Bancontact switch; printed material may carry either. */
export const KNOWN_PAYLOAD_HOSTS: readonly string[] = [CURRENT_PAYLOAD_HOST, LEGACY_PAYLOAD_HOST];

const PAY_PATH = /^\/pay\/2\/([^/]+)\/?$/;
const STICKER_PATH = /^\/l\/1\/([0-9a-fA-F]{24})\/([A-Za-z0-9]{1,36})\/?$/;
const TEMPLATE_PATH = /^\/t\/1\/([0-9a-fA-F]{24})\/?$/;

function templateParams(url: URL): TemplateParams {
  const params: TemplateParams = {};
  for (const name of ['D', 'A', 'R'] as const) {
    const value = url.searchParams.get(name);
    if (value !== null) params[name] = value;
  }
  return params;
}

function readPath(url: URL, host: string): ScannedPayload | undefined {
  const pay = PAY_PATH.exec(url.pathname);
  if (pay?.[1] !== undefined) return { kind: 'payment', paymentId: pay[1], host };
  const sticker = STICKER_PATH.exec(url.pathname);
  if (sticker?.[1] !== undefined && sticker[2] !== undefined) {
    return { kind: 'sticker', ppid: sticker[1].toLowerCase(), posId: sticker[2], host };
  }
  const template = TEMPLATE_PATH.exec(url.pathname);
  if (template?.[1] !== undefined) {
    return { kind: 'template', ppid: template[1].toLowerCase(), params: templateParams(url), host };
  }
  return undefined;
}

/**
 * Returns what the payload points at, or undefined when it is not a payload Bancontact would issue.
 * `extraHosts` lets a simulator with a custom payloadHost (e.g. a PREPROD-like host) read its own codes.
 */
export function parsePayload(
  payload: string,
  extraHosts: readonly string[] = [],
): ScannedPayload | undefined {
  let url: URL;
  try {
    url = new URL(payload.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase();
  if (!KNOWN_PAYLOAD_HOSTS.includes(host) && !extraHosts.includes(host)) return undefined;
  return readPath(url, host);
}

export function deeplinkFor(payloadHost: string, paymentId: string): string {
  return `${payloadHost.replace(/\/+$/, '')}/pay/2/${paymentId}`;
}
