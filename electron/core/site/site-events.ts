import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { rawRun } from '../db/raw';

/*
 * Events between the stations of a site: PostgreSQL LISTEN/NOTIFY on a connection of its own. An event
 * says only what changed (its kind and id); the station that receives it re-reads that from the
 * database and tells its own devices, exactly as it does for a change it made itself.
 *
 * NOTIFY reaches only listeners of the same database, so listen on the database the writes go to
 * (a mode's books for payments and sales, the site database for staff and devices). Sent inside a write
 * (`notifyIn`), an event leaves when the write commits and never for one rolled back.
 *
 * Nothing is queued for a listener that is not connected. So when its connection is lost — the server
 * restarted, the backend terminated, the network cut (found by a heartbeat that gets no answer) — it
 * connects again and then emits `resync`: the station tells its devices to refresh everything, and no
 * event is missed.
 */

export const SITE_EVENT_CHANNEL = 'kassa_site_events';

export interface SiteEvent {
  /** What changed: `sale`, `payment`, `drawer`, `device`, … */
  kind: string;
  id: string;
  /** The station process that sent it. */
  from: string;
}

export interface SiteEventsOptions {
  url: string;
  /** This station's name; a per-process suffix tells two processes of one station apart. */
  station: string;
  channel?: string;
  applicationName?: string;
  /** How often the connection is checked, and how long an answer may take. */
  heartbeatMs?: number;
  /** The longest wait between two attempts to connect again. */
  maxRetryMs?: number;
}

interface Events {
  /** Another station changed something: re-read it. */
  event: [SiteEvent];
  /** The connection was lost and is back: events may have been missed, refresh everything. */
  resync: [];
  /** The connection was lost; events are not heard until `resync`. */
  down: [];
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Sends an event from inside a unit of work: it leaves when the write commits. */
export async function notifyIn(
  q: object,
  from: string,
  kind: string,
  id: string,
  channel = SITE_EVENT_CHANNEL,
) {
  await rawRun(q, sql`SELECT pg_notify(${channel}, ${JSON.stringify({ kind, id, from })})`);
}

export class SiteEvents extends EventEmitter<Events> {
  /** Marks this process's own events, which it does not hear back. */
  readonly self: string;
  private readonly channel: string;
  private client: pg.Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: SiteEventsOptions) {
    super();
    this.self = `${options.station}#${randomUUID().slice(0, 8)}`;
    this.channel = options.channel ?? SITE_EVENT_CHANNEL;
    if (!NAME.test(this.channel)) throw new Error(`not a channel name: ${this.channel}`);
  }

  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; fails if the database cannot be reached now. Later losses heal themselves. */
  async start(): Promise<void> {
    await this.connect();
  }

  /**
   * Connects and listens without failing: a database out of reach now counts as a lost connection
   * (`down`, then `resync` once it answers), so a station starts its mode whatever the server does.
   * Answers whether it listens now.
   */
  begin(): Promise<boolean> {
    return this.connect().then(
      () => !this.closed,
      () => {
        if (this.closed) return false;
        this.emit('down');
        this.reconnect(250);
        return false;
      },
    );
  }

  /** Sends an event now, outside any write. */
  async publish(kind: string, id: string): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('site events are not connected');
    await client.query('SELECT pg_notify($1, $2)', [
      this.channel,
      JSON.stringify({ kind, id, from: this.self }),
    ]);
  }

  /**
   * The backends of this database's listeners whose application name starts with `prefix`, this one's
   * own included: a listener that is gone tells that its station stopped or lost its connection.
   */
  async listenersNamed(prefix: string): Promise<Set<number>> {
    const client = this.client;
    if (!client) throw new Error('site events are not connected');
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND starts_with(application_name, $1)`,
      [prefix],
    );
    return new Set(rows.map((row) => row.pid));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const heartbeatMs = this.options.heartbeatMs ?? 5_000;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName ?? 'kassa-site-events',
      keepAlive: true,
      keepAliveInitialDelayMillis: 2_000,
      connectionTimeoutMillis: heartbeatMs,
      query_timeout: heartbeatMs,
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.receive(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) return void client.end().catch(() => undefined);
    this.client = client;
    // A cut network sends no error: a heartbeat without an answer finds it.
    this.heartbeat = setInterval(
      () => void client.query('SELECT 1').catch(() => this.lost(client)),
      heartbeatMs,
    );
  }

  private receive(message: pg.Notification): void {
    if (message.channel !== this.channel || !message.payload) return;
    try {
      const event = JSON.parse(message.payload) as Partial<SiteEvent>;
      if (typeof event.kind !== 'string' || typeof event.id !== 'string' || typeof event.from !== 'string')
        return;
      if (event.from !== this.self) this.emit('event', { kind: event.kind, id: event.id, from: event.from });
    } catch {
      // Not one of ours: another program may use the channel; nothing to re-read.
    }
  }

  private drop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.client = null;
  }

  private lost(client: pg.Client): void {
    if (client !== this.client) return;
    this.drop();
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.emit('down');
    this.reconnect(250);
  }

  private reconnect(wait: number): void {
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect()
        .then(() => {
          if (!this.closed) this.emit('resync');
        })
        .catch(() => {
          if (!this.closed) this.reconnect(Math.min(wait * 2, this.options.maxRetryMs ?? 5_000));
        });
    }, wait);
  }
}
