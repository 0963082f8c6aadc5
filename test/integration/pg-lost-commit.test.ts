import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresBooks } from '../../electron/core/db/pg/site-databases';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import * as schema from '../../electron/core/db/schema';
import { startCommitCutter, type CommitCutter } from '../support/pg-commit-cutter';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { MIGRATIONS } from '../support/temp';

const { sales } = schema;
let server: PostgresServer;
let cutter: CommitCutter;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  psql(server.baseUrl, 'postgres', 'CREATE DATABASE lost');
  await (
    await openPostgresBooks({ siteUrl: `${server.baseUrl}/lost`, migrationsFolder: MIGRATIONS }, 'live')
  ).close();
  cutter = await startCommitCutter({ host: '127.0.0.1', port: server.port });
}, 60_000);

afterAll(async () => {
  await cutter?.close();
  server?.remove();
});

/** A sale written with an id made inside the unit: a second booking would be a second row. */
const bookSale =
  (tillId: string) => async (tx: Parameters<Parameters<PostgresStore<typeof schema>['write']>[0]>[0]) => {
    const id = randomUUID();
    const at = Date.now();
    await tx
      .insert(sales)
      .values({
        id,
        tillId,
        amountCents: 450,
        idempotencyKey: id,
        status: 'paid',
        createdAt: at,
        updatedAt: at,
      });
    return { id };
  };

describe('a write whose COMMIT answer was lost', () => {
  it('is retried by the station and booked exactly once, answering what the first attempt committed', async () => {
    const store = new PostgresStore({ url: cutter.url('lost_live') }, schema);
    cutter.armAfterCommit();
    const booked = await store.write(bookSale('till-cut'));
    expect(cutter.cuts).toBe(1);
    const rows = await store.read((q) => q.select().from(sales).where(eq(sales.tillId, 'till-cut')));
    expect(rows.map((r) => r.id)).toEqual([booked.id]);
    await store.close();
  });

  it('a hundred writes, every tenth one cut after its COMMIT: a hundred sales', async () => {
    const store = new PostgresStore({ url: cutter.url('lost_live') }, schema);
    const before = cutter.cuts;
    for (let i = 0; i < 100; i += 1) {
      if (i % 10 === 0) cutter.armAfterCommit();
      await store.write(bookSale('till-many'));
    }
    expect(cutter.cuts - before).toBe(10);
    const [row] = await store.read((q) =>
      q.select({ n: count() }).from(sales).where(eq(sales.tillId, 'till-many')),
    );
    expect(row?.n).toBe(100);
    await store.close();
  });

  it('a refusal by the database itself is not retried', async () => {
    const store = new PostgresStore({ url: cutter.url('lost_live') }, schema);
    const at = Date.now();
    const sale = {
      id: 'dup',
      tillId: 't',
      amountCents: 1,
      idempotencyKey: 'dup-key-1',
      status: 'paid' as const,
      createdAt: at,
      updatedAt: at,
    };
    await store.write((tx) => tx.insert(sales).values(sale));
    await expect(store.write((tx) => tx.insert(sales).values({ ...sale, id: 'dup2' }))).rejects.toMatchObject(
      {
        cause: expect.objectContaining({ code: '23505' }),
      },
    );
    await store.close();
  });
});
