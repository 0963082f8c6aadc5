import type { StationEvent } from '../../shared/contract';
import type { EventBus } from './api/event-bus';
import type { Logger } from './logging/logger';
import type { ModeRuntime } from './mode-runtime';
import { findWristband } from './topup/wristband-book';
import { SiteEvents } from './site/site-events';

/*
 * Carries one mode's changes between the stations of a site (PostgreSQL), per running mode: NOTIFY
 * reaches only listeners of the same database, and each mode keeps its books in a database of its own.
 *
 * Out: whatever this station tells its own screens about the books (a sale or its payment, a
 * wristband, the end of the event) is published once it is on the bus, that is after its commit.
 * In: another station's event names what changed; it is re-read from the books and told to this
 * station's screens with the same payload as a change of its own. Its own events it does not hear back.
 *
 * Nothing is queued for a listener that is away, so whenever an event may have been lost this station's
 * screens are told to fetch again (the bus's `resync` ends every SSE stream; each page reopens it and
 * refetches): when its own listener comes back after a loss, and when another station's listener is
 * gone. A station killed between its commit and its NOTIFY is one whose listener is gone: the books
 * are right, and the other stations' screens show that change after their next look at the site's
 * listeners (every heartbeat, 5 s) instead of never. Its own devices lose their stream with it and,
 * reconnecting to another station, fetch again.
 */

export interface RelayOptions {
  /** The mode's books database (db/pg/site-databases.ts `booksUrl`). */
  url: string;
  station: string;
  bus: EventBus;
  runtime: ModeRuntime;
  /** False once the mode was swapped out: its late news is not this mode's news. */
  isCurrent: () => boolean;
  logger: Logger;
  heartbeatMs?: number;
}

type Kind = 'sale' | 'wristband' | 'event';

/** How every station's listener is named in pg_stat_activity. */
const LISTENER_PREFIX = 'kassa-events ';

/** What an event on the bus says changed in the books; null for the station's own news (settings, jobs…). */
function changeOf(event: StationEvent): { kind: Kind; id: string } | null {
  if (event.name === 'payments.changed') return { kind: 'sale', id: event.payload.sale.id };
  if (event.name === 'wristbands.changed') return { kind: 'wristband', id: event.payload.wristbandId };
  if (event.name === 'topup.eventChanged') return { kind: 'event', id: 'event' };
  return null;
}

export class SiteEventRelay {
  private readonly events: SiteEvents;
  /** True while this relay emits another station's change: that one is not published again. */
  private relaying = false;
  /** Changes heard and not yet re-read; a change heard twice before its read is read once. */
  private readonly pending = new Set<string>();
  private draining = false;
  private unsubscribe: () => void = () => undefined;
  /** The site's listeners on these books at the last look; null until a first look after connecting. */
  private peers: Set<number> | null = null;
  private watch: NodeJS.Timeout | null = null;

  constructor(private readonly options: RelayOptions) {
    this.events = new SiteEvents({
      url: options.url,
      station: options.station,
      // pg_stat_activity tells each station's listener apart (the process id: two stations may share a name).
      applicationName: `${LISTENER_PREFIX}${options.station} pid ${process.pid}`,
      heartbeatMs: options.heartbeatMs,
    });
  }

  start(): void {
    const { logger, bus } = this.options;
    this.unsubscribe = bus.subscribe((event) => this.publish(event));
    this.events.on('event', ({ kind, id }) => this.heard(kind, id));
    // Said once per loss: the heartbeat and the retries stay quiet until the connection is back.
    this.events.on('down', () =>
      logger.warn("lost the site's event connection: other stations' changes are not heard until it is back"),
    );
    this.events.on('resync', () => {
      logger.info("the site's event connection is back: every screen fetches again");
      if (this.options.isCurrent()) bus.resync();
    });
    // The mode's books were open before this listened: what changed in between, the screens fetch again.
    void this.events.begin().then((listening) => {
      if (listening && this.options.isCurrent()) bus.resync();
    });
    this.watch = setInterval(() => void this.lookAtPeers(), this.options.heartbeatMs ?? 5_000);
  }

  async close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    this.unsubscribe();
    this.pending.clear();
    await this.events.close();
  }

  /**
   * A station whose listener is gone stopped or lost its connection to the books: it may have committed
   * a change it never announced (killed after its commit, or cut off with its events connection while
   * its writes went through). This station's screens fetch again, so that stays wrong for seconds only.
   */
  private async lookAtPeers(): Promise<void> {
    if (!this.events.listening) {
      this.peers = null;
      return;
    }
    const now = await this.events.listenersNamed(LISTENER_PREFIX).catch(() => null);
    if (!now) return;
    const gone = this.peers !== null && [...this.peers].some((pid) => !now.has(pid));
    this.peers = now;
    if (gone && this.options.isCurrent()) {
      this.options.logger.info("a station left the site's events: every screen fetches again");
      this.options.bus.resync();
    }
  }

  private publish(event: StationEvent): void {
    const change = this.relaying ? null : changeOf(event);
    // Not listening: nothing can be sent; the other stations saw this listener go and fetch again.
    if (!change || !this.events.listening) return;
    this.events.publish(change.kind, change.id).catch(() => undefined);
  }

  private heard(kind: string, id: string): void {
    if (kind !== 'sale' && kind !== 'wristband' && kind !== 'event') return;
    this.pending.add(`${kind}:${id}`);
    if (!this.draining) void this.drain();
  }

  /** One read at a time, in the order heard: a later read never shows an older state than an earlier one. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let next = first(this.pending); next !== undefined; next = first(this.pending)) {
        this.pending.delete(next);
        const at = next.indexOf(':');
        await this.retell(next.slice(0, at) as Kind, next.slice(at + 1)).catch((error: unknown) => {
          if (this.options.isCurrent())
            this.options.logger.error('a change from the site could not be read', error);
        });
      }
    } finally {
      this.draining = false;
    }
  }

  private async retell(kind: Kind, id: string): Promise<void> {
    const { runtime } = this.options;
    if (kind === 'sale') {
      const sale = await runtime.repo.saleView(id);
      if (sale) this.emit({ name: 'payments.changed', payload: { sale } });
    } else if (kind === 'wristband') {
      const band = await runtime.db.read((q) => findWristband(q, id));
      if (band) {
        const payload = { wristbandId: band.id, balanceCents: band.balanceCents, status: band.status };
        this.emit({ name: 'wristbands.changed', payload });
      }
    } else {
      this.emit({ name: 'topup.eventChanged', payload: await runtime.topup.event.state() });
    }
  }

  private emit(event: StationEvent): void {
    if (!this.options.isCurrent()) return;
    this.relaying = true;
    try {
      this.options.bus.emit(event.name, event.payload as never);
    } finally {
      this.relaying = false;
    }
  }
}

function first(set: Set<string>): string | undefined {
  return set.values().next().value;
}
