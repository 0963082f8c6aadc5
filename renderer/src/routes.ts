import { useSyncExternalStore } from 'react';

export type Route = 'till' | 'customer' | 'topup' | 'settings';
export const ROUTES: readonly Route[] = ['till', 'customer', 'topup', 'settings'];

const PATHS: Record<Route, string> = {
  till: '/',
  customer: '/customer',
  topup: '/topup',
  settings: '/settings',
};

interface Where {
  hash: string;
  pathname: string;
  protocol?: string;
}

function fromPath(path: string): Route {
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return last === 'customer' || last === 'settings' || last === 'topup' ? last : 'till';
}

/** Electron loads index.html from file:// and says where with the hash; the HTTP shell uses paths. */
export function pickRoute(where: Where): Route {
  if (where.hash.startsWith('#/')) return fromPath(where.hash.slice(1).split('?')[0] ?? '');
  return fromPath(where.pathname);
}

/** Hash links where a path would point at a file on disk, path links elsewhere. */
export function usesHash(where: Where): boolean {
  return where.protocol === 'file:' || where.hash.startsWith('#/');
}

export function routeHref(route: Route, where: Where): string {
  return usesHash(where) ? `#${PATHS[route]}` : PATHS[route];
}

const NAVIGATED = 'kassa:navigate';

export function navigate(route: Route): void {
  if (usesHash(window.location)) {
    window.location.hash = PATHS[route];
    return;
  }
  window.history.pushState(null, '', PATHS[route]);
  window.dispatchEvent(new Event(NAVIGATED));
}

function listen(onChange: () => void): () => void {
  const events = ['hashchange', 'popstate', NAVIGATED];
  for (const name of events) window.addEventListener(name, onChange);
  return () => {
    for (const name of events) window.removeEventListener(name, onChange);
  };
}

export function useRoute(): Route {
  return useSyncExternalStore(listen, () => pickRoute(window.location));
}
