import type { EventStateView, MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { ModeRuntime } from '../mode-runtime';
import type { TopupProfileSettings } from '../settings/topup-profile-settings';
import { liability } from './liability';

type WristbandMethodName = Extract<
  MethodName,
  | `wristbands.${string}`
  | 'till.payWithWristband'
  | 'topup.listAttention'
  | 'topup.resolveAttention'
  | 'topup.getLiability'
  | `refunds.${string}`
  | 'settings.listTopupProfiles'
  | 'settings.addTopupProfile'
  | 'settings.removeTopupProfile'
>;

export interface WristbandHandlerDeps {
  current: () => ModeRuntime;
  topupProfiles: TopupProfileSettings;
  /** A refund file makes the end of the event final: screens that offer its undo must hear of it. */
  onEventChanged?: (state: EventStateView) => void;
}

/** The wristband ledger's methods, spread into the station's handlers. */
export function createWristbandHandlers({
  current,
  topupProfiles,
  onEventChanged,
}: WristbandHandlerDeps): Pick<Handlers, WristbandMethodName> {
  const topup = () => current().topup;
  return {
    'wristbands.get': ({ wristbandId }) => topup().wristbands.get(wristbandId),
    'wristbands.block': ({ wristbandId }) => topup().wristbands.block(wristbandId),
    'wristbands.moveBalance': ({ fromId, toId }) => topup().wristbands.moveBalance(fromId, toId),
    'till.payWithWristband': (input) => topup().bar.pay(input),
    'topup.listAttention': () => topup().attention.list(),
    'topup.resolveAttention': ({ bancontactId, wristbandId }) =>
      topup().attention.resolve(bancontactId, wristbandId),
    'topup.getLiability': () => liability(current().db),
    'refunds.list': () => topup().refunds.list(),
    'refunds.prepare': () => topup().refunds.prepare(),
    'refunds.export': (input) => {
      const exported = topup().refunds.export(input);
      onEventChanged?.(topup().event.state());
      return exported;
    },
    'settings.listTopupProfiles': () => topupProfiles.list(),
    'settings.addTopupProfile': (input) => topupProfiles.add(input),
    'settings.removeTopupProfile': ({ ppid }) => topupProfiles.remove(ppid),
  };
}
