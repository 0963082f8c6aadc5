import type { SettingsView } from '../../shared/contract';
import type { EventBus } from './api/event-bus';

/*
 * The register's parts that live in the site database rather than in a mode's books — the catalogue
 * (articles) and the merchant's logo — reach the screens of every station of a site (PostgreSQL).
 * site-event-relay.ts carries the books' changes on each mode's books database; these are the site
 * database's, so they go as events on its settings channel (station-site-settings.ts), which every
 * station already listens to. An event only names what changed; the other station tells its own
 * screens, which read the catalogue or the logo again from the shared database. On SQLite there is
 * no site and `announce` sends nothing.
 */

export const ARTICLES_EVENT = 'articles';
export const LOGO_EVENT = 'logo';
/** What the settings channel says when its connection came back: anything may have been missed. */
const RESYNC = 'resync';

export interface RegisterRelayParts {
  /** Tells the other stations (after the change is stored). */
  site: { announce(kind: string): void };
  bus: EventBus;
  settings: { view(): SettingsView };
  now: () => number;
}

export interface RegisterRelay {
  /** This station's logo was set or removed: its screens and the other stations' are told. */
  logoChanged(): void;
  /** Another station's event on the settings channel (or `resync`). */
  heard(kind: string): void;
}

export function relayRegisterChanges({ site, bus, settings, now }: RegisterRelayParts): RegisterRelay {
  // True while another station's change is told here: it is not sent back to the site.
  let relaying = false;
  // The article service tells this station's screens after its commit; the site hears it from here.
  bus.subscribe((event) => {
    if (event.name === 'articles.changed' && !relaying) site.announce(ARTICLES_EVENT);
  });
  const tell = (articles: boolean, logo: boolean) => {
    relaying = true;
    try {
      if (articles) bus.emit('articles.changed', { changedAt: now() });
      // Screens showing the logo read it again on settings.changed.
      if (logo) bus.emit('settings.changed', { settings: settings.view() });
    } finally {
      relaying = false;
    }
  };
  return {
    logoChanged() {
      tell(false, true);
      site.announce(LOGO_EVENT);
    },
    heard(kind) {
      tell(kind === ARTICLES_EVENT || kind === RESYNC, kind === LOGO_EVENT || kind === RESYNC);
    },
  };
}
