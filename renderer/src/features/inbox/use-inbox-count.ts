import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** Said by the inbox screen when its person marked something read: the header's count follows at once. */
export const INBOX_READ_EVENT = 'kassa:inbox-read';
/**
 * Refused callbacks and unseen devices come without a station event of their own; the count looks
 * again this often besides every event.
 */
const LOOK_AGAIN_MS = 60_000;
/** A burst of events (a festival's top-ups) asks once, not once per event. */
const SETTLE_MS = 400;

/**
 * The signed-in person's unread messages; null until known, or where there is no inbox (no person).
 * `person` is who is signed in: another person signing in at this device asks again at once.
 */
export function useInboxCount(person: string | null): number | null {
  // Each answer is kept with whom it was for: the count of someone who left never shows for the next.
  const [known, setKnown] = useState<{ person: string | null; unread: number | null }>({
    person: null,
    unread: null,
  });
  const asking = useRef(person);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(() => {
    const asked = asking.current;
    if (asked === null) return;
    void call('inbox.unreadCount', {}).then((result) =>
      setKnown({ person: asked, unread: result.ok ? result.value.unread : null }),
    );
  }, []);
  const soon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, SETTLE_MS);
  }, [load]);
  useStationEvents(soon, load);
  useEffect(() => {
    asking.current = person;
    load();
  }, [person, load]);
  useEffect(() => {
    const every = setInterval(load, LOOK_AGAIN_MS);
    window.addEventListener(INBOX_READ_EVENT, load);
    return () => {
      clearInterval(every);
      window.removeEventListener(INBOX_READ_EVENT, load);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);
  return person !== null && known.person === person ? known.unread : null;
}
