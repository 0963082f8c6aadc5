import type { EventStateView, MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { ModeRuntime } from '../mode-runtime';

type EventMethodName = Extract<MethodName, 'topup.getEvent' | 'topup.endEvent' | 'topup.reopenEvent'>;

export interface EventHandlerDeps {
  current: () => ModeRuntime;
  /** Tells every screen (bars, the workshop) that the event's state moved. */
  onEventChanged: (state: EventStateView) => void;
}

/** *End the event* and its undo, spread into the station's handlers. */
export function createEventHandlers({
  current,
  onEventChanged,
}: EventHandlerDeps): Pick<Handlers, EventMethodName> {
  const event = () => current().topup.event;
  const announced = (state: EventStateView): EventStateView => {
    onEventChanged(state);
    return state;
  };
  return {
    'topup.getEvent': () => event().state(),
    'topup.endEvent': () => announced(event().end()),
    'topup.reopenEvent': () => announced(event().reopen()),
  };
}
