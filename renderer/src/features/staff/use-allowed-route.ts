import { useEffect } from 'react';
import { ROUTES, navigate, type Route } from '../../routes';
import { callerRights, mayOpen } from './session-rights';
import type { SessionView } from './staff-api';

/**
 * A cashier who switches in on the Staff screen (or opens a link to Settings) would only meet
 * refusals there: take them to the first screen their role opens, the till for most.
 */
export function useAllowedRoute(route: Route, view: SessionView | null): void {
  const rights = view?.staff ? callerRights(view) : null;
  const target = rights && !mayOpen(route, rights) ? ROUTES.find((r) => mayOpen(r, rights)) : undefined;
  useEffect(() => {
    if (target) navigate(target);
  }, [target]);
}
