import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { generateAgainst } from '../support/migrations-in-step';
import { MIGRATIONS, tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let kassa: TestStation | null = null;
let bank: Server | null = null;

beforeEach(() => (folder = tempDir()));
afterEach(async () => {
  await kassa?.close();
  await new Promise<void>((resolve) => (bank ? bank.close(() => resolve()) : resolve()));
  kassa = null;
  bank = null;
  folder.remove();
});

/** Reads the station's database file through a connection of its own, as a manager's tool would. */
function query<T>(sql: string): T[] {
  const db = new Database(join(folder.dir, 'training.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('storage', () => {
  it('creates the database in the data folder in WAL mode, with every migration applied at start-up', async () => {
    kassa = await startTestStation({ dataDir: folder.dir, simulatorUrl: 'http://127.0.0.1:9' });
    expect(readdirSync(folder.dir)).toContain('training.sqlite');
    expect(query<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(query('SELECT id FROM __drizzle_migrations')).toHaveLength(journal.entries.length);
    const tables = query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map(
      (t) => t.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['sales', 'payments', 'payment_events']));
  });

  it('keeps the migrations in step with the schema: drizzle-kit finds nothing left to generate', () => {
    const run = generateAgainst('./electron/core/db/schema/index.ts', MIGRATIONS, folder.dir);
    expect(run.output).toContain('No schema changes');
    expect(run.unchanged).toBe(true);
  });

  it('has the sale and its payment on disk before Bancontact is called', async () => {
    const seen: Array<{ body: { reference: string }; sales: unknown[]; payments: unknown[] }> = [];
    bank = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/v3/payments') {
          seen.push({
            body: JSON.parse(body) as { reference: string },
            sales: query('SELECT amount_cents, status FROM sales'),
            payments: query('SELECT id, status, bancontact_id FROM payments'),
          });
        }
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 'TRY_AGAIN_LATER', message: 'down', traceId: 't', spanId: 's' }));
      });
    });
    await new Promise<void>((resolve) => bank!.listen(0, '127.0.0.1', resolve));
    const bankUrl = `http://127.0.0.1:${(bank.address() as AddressInfo).port}`;
    kassa = await startTestStation({ dataDir: folder.dir, simulatorUrl: bankUrl });

    const sale = await kassa.must('till.startPayment', {
      amountCents: 1250,
      idempotencyKey: 'persist-first',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.sales).toEqual([{ amount_cents: 1250, status: 'open' }]);
    expect(seen[0]?.payments).toEqual([{ id: sale.payment!.id, status: 'CREATING', bancontact_id: null }]);
    // The reference is Kassa's payment id, so a later search can match what Bancontact holds.
    expect(seen[0]?.body.reference).toBe(sale.payment!.id);
    expect(query('SELECT status FROM payments')).toEqual([{ status: 'CREATE_FAILED' }]);
  });
});
