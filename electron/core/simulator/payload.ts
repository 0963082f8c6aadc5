/**
 * Parsing of what a payer's app reads from a QR code. Only the dynamic-payment form exists in this slice;
 * sticker (`/l/1/{ppid}/{posId}`) and template (`/t/1/{ppid}?A=&D=&R=`) forms become new union members.
 */
export type ScannedPayload = { kind: 'payment'; paymentId: string };

/** Both hosts are live during the Payconiq → Bancontact switch; printed material may carry either. */
export const KNOWN_PAYLOAD_HOSTS: readonly string[] = ['pay.bancontact.net', 'payconiq.com'];

const PAY_PATH = /^\/pay\/2\/([^/]+)\/?$/;

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
  const match = PAY_PATH.exec(url.pathname);
  const paymentId = match?.[1];
  return paymentId === undefined ? undefined : { kind: 'payment', paymentId };
}

export function deeplinkFor(payloadHost: string, paymentId: string): string {
  return `${payloadHost.replace(/\/+$/, '')}/pay/2/${paymentId}`;
}
