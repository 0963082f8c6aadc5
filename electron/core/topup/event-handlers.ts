import type { EventStateView, MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { EventEnd } from './event-end';

type EventMethodName = Extract<MethodName, 'topup.getEvent' | 'topup.endEvent' | 'topup.reopenEvent'>;

export interface EventHandlerDeps {
  /** The current mode's event: ended or not. */
  event: () => EventEnd;
  /** Tells every screen (bars, the workshop) that the event's state moved. */
  onEventChanged: (state: EventStateView) => void;
}

/** *End the event* and its undo, spread into the station's handlers. */
export function createEventHandlers({
  event,
  onEventChanged,
}: EventHandlerDeps): Pick<Handlers, EventMethodName> {
  const announced = (state: EventStateView): EventStateView => {
    onEventChanged(state);
    return state;
  };
  return {
    'topup.getEvent': () => event().state(),
    'topup.endEvent': async () => announced(await event().end()),
    'topup.reopenEvent': async () => announced(await event().reopen()),
  };
}
