import { useEffect, useRef } from 'react';
import type { StationEvent } from '../../../shared/contract';
import { onReconnect, subscribe } from './client';

/**
 * Listens to station events for the life of the component. The latest callbacks are read through
 * refs so that a re-render never drops and re-opens the subscription.
 */
export function useStationEvents(onEvent: (event: StationEvent) => void, onResync?: () => void): void {
  const eventRef = useRef(onEvent);
  const resyncRef = useRef(onResync);
  useEffect(() => {
    eventRef.current = onEvent;
    resyncRef.current = onResync;
  });
  useEffect(() => {
    const stopEvents = subscribe((event) => eventRef.current(event));
    const stopReconnect = onReconnect(() => resyncRef.current?.());
    return () => {
      stopEvents();
      stopReconnect();
    };
  }, []);
}
