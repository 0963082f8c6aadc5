import { useSyncExternalStore } from 'react';

export type Route =
  | 'till'
  | 'customer'
  | 'topup'
  | 'reports'
  | 'articles'
  | 'agreements'
  | 'stickers'
  | 'settings'
  | 'staff'
  | 'devices'
  | 'audit'
  | 'inbox'
  | 'help'
  | 'pair';
export const ROUTES: readonly Route[] = [
  'till',
  'customer',
  'topup',
  'reports',
  'articles',
  'agreements',
  'stickers',
  'settings',
  'staff',
  'devices',
  'audit',
];
/** The pairing page is reached only by its link (`/pair#<code>`), never from the header. */
// The inbox is reached by its own link in the header, with the unread count; Help by its own button.
const ALL_ROUTES: readonly Route[] = [...ROUTES, 'help', 'inbox', 'pair'];

const PATHS: Record<Route, string> = {
  till: '/',
  customer: '/customer',
  topup: '/topup',
  reports: '/reports',
  articles: '/articles',
  agreements: '/agreements',
  stickers: '/stickers',
  settings: '/settings',
  staff: '/staff',
  devices: '/devices',
  audit: '/audit',
  inbox: '/inbox',
  help: '/help',
  pair: '/pair',
};

interface Where {
  hash: string;
  pathname: string;
  protocol?: string;
}

function fromPath(path: string): Route {
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const found = ALL_ROUTES.find((route) => route !== 'till' && route === last);
  return found ?? 'till';
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
