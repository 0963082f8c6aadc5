import type { EventStateView, LiabilityView, MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import { actorOf } from '../ledger/actor';
import type { TopupProfileSettings } from '../settings/topup-profile-settings';
import type { TopupServices } from './topup-services';

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
  /** The current mode's wristband ledger and its tools. */
  topup: () => Pick<TopupServices, 'wristbands' | 'bar' | 'attention' | 'refunds' | 'event'>;
  /** What the wristbands hold in all, for the liability screen (topup/liability.ts). */
  liability: () => Promise<LiabilityView>;
  topupProfiles: TopupProfileSettings;
  /** A refund file makes the end of the event final: screens that offer its undo must hear of it. */
  onEventChanged?: (state: EventStateView) => void;
}

/** The wristband ledger's methods, spread into the station's handlers. */
export function createWristbandHandlers({
  topup,
  liability,
  topupProfiles,
  onEventChanged,
}: WristbandHandlerDeps): Pick<Handlers, WristbandMethodName> {
  return {
    'wristbands.get': ({ wristbandId }) => topup().wristbands.get(wristbandId),
    'wristbands.block': ({ wristbandId }) => topup().wristbands.block(wristbandId),
    'wristbands.moveBalance': ({ fromId, toId }, caller) =>
      topup().wristbands.moveBalance(fromId, toId, actorOf(caller)),
    'till.payWithWristband': (input, caller) => topup().bar.pay(input, actorOf(caller)),
    'topup.listAttention': () => topup().attention.list(),
    'topup.resolveAttention': ({ bancontactId, wristbandId }, caller) =>
      topup().attention.resolve(bancontactId, wristbandId, actorOf(caller)),
    'topup.getLiability': () => liability(),
    'refunds.list': () => topup().refunds.list(),
    'refunds.prepare': () => topup().refunds.prepare(),
    'refunds.export': async (input, caller) => {
      const exported = await topup().refunds.export(input, actorOf(caller));
      if (onEventChanged) onEventChanged(await topup().event.state());
      return exported;
    },
    'settings.listTopupProfiles': () => topupProfiles.list(),
    'settings.addTopupProfile': (input) => topupProfiles.add(input),
    'settings.removeTopupProfile': ({ ppid }) => topupProfiles.remove(ppid),
  };
}
