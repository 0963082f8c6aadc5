import type { DeviceNetworkView } from '../../../../shared/contract/device-views';

export interface NetworkDraft {
  enabled: boolean;
  address: string;
  port: string;
}

export type NetworkProblem = 'addressInvalid' | 'portInvalid';

export function networkDraft(view: DeviceNetworkView): NetworkDraft {
  return {
    enabled: view.enabled,
    // A station that never chose one offers its first own address.
    address: view.address ?? view.candidateAddresses[0] ?? '',
    port: String(view.port),
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Loose on purpose: the station checks IPv6 exactly; this only catches a name or a typo's letters.
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/** What is wrong before asking the station. An address is needed only to turn the network on. */
export function networkProblem(draft: NetworkDraft): NetworkProblem | null {
  const address = draft.address.trim();
  if (address !== '' || draft.enabled) {
    if (!IPV4.test(address) && !(address.includes(':') && IPV6.test(address))) return 'addressInvalid';
  }
  const port = Number(draft.port);
  if (!/^\d+$/.test(draft.port.trim()) || port < 1024 || port > 65535) return 'portInvalid';
  return null;
}

export function networkInput(draft: NetworkDraft) {
  const address = draft.address.trim();
  return { enabled: draft.enabled, address: address === '' ? null : address, port: Number(draft.port) };
}

/** Where devices connect: `https://192.168.1.20:4781`, IPv6 addresses in brackets. */
export function listenerUrl(view: DeviceNetworkView): string | null {
  if (!view.address) return null;
  const host = view.address.includes(':') ? `[${view.address}]` : view.address;
  return `https://${host}:${view.port}`;
}
