import { asc, eq } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { PrinterView, PrintersView, TillPrintingView } from '../../../shared/contract/receipt-methods';
import { newId } from '../db/ids';
import type { StationDb, StationTx } from '../db/open-station-database';
import { printers, tillPrinting } from '../db/station-schema';

/*
 * The network printers and which till prints on which, in the station database (the site's on
 * PostgreSQL, so every station of a site prints the same way). A removed printer's tills print nowhere.
 */

export type PrinterInput = Omit<PrinterView, 'id'> & { id?: string };

export class PrinterStore {
  constructor(
    private readonly db: () => StationDb | null,
    private readonly now: () => number,
  ) {}

  list(): Promise<PrintersView> {
    return this.open().read((q) => readAll(q));
  }

  save(input: PrinterInput): Promise<PrintersView> {
    const at = this.now();
    return this.open().write(async (tx) => {
      const fields = {
        ...{ name: input.name, host: input.host, port: input.port },
        ...{ paperMm: input.paperMm, codePage: input.codePage, drawer: input.drawer },
      };
      if (input.id) {
        const [found] = await tx
          .select({ id: printers.id })
          .from(printers)
          .where(eq(printers.id, input.id))
          .limit(1);
        if (!found) throw new ContractFailure('NOT_FOUND', `No printer ${input.id}`);
        await tx
          .update(printers)
          .set({ ...fields, updatedAt: at })
          .where(eq(printers.id, input.id));
      } else {
        await tx.insert(printers).values({ id: newId(), ...fields, createdAt: at, updatedAt: at });
      }
      return readAll(tx);
    });
  }

  remove(printerId: string): Promise<PrintersView> {
    return this.open().write(async (tx) => {
      await tx.delete(tillPrinting).where(eq(tillPrinting.printerId, printerId));
      await tx.delete(printers).where(eq(printers.id, printerId));
      return readAll(tx);
    });
  }

  setTill(input: { tillId: string; printerId: string | null; autoPrint: boolean }): Promise<PrintersView> {
    return this.open().write(async (tx) => {
      await tx.delete(tillPrinting).where(eq(tillPrinting.tillId, input.tillId));
      if (input.printerId) {
        const [found] = await tx
          .select({ id: printers.id })
          .from(printers)
          .where(eq(printers.id, input.printerId))
          .limit(1);
        if (!found) throw new ContractFailure('NOT_FOUND', `No printer ${input.printerId}`);
        await tx
          .insert(tillPrinting)
          .values({ tillId: input.tillId, printerId: input.printerId, autoPrint: input.autoPrint });
      }
      return readAll(tx);
    });
  }

  private open(): StationDb {
    const db = this.db();
    if (!db) throw new ContractFailure('NOT_CONFIGURED', 'The station database is not open');
    return db;
  }
}

async function readAll(q: StationTx): Promise<PrintersView> {
  const rows = await q.select().from(printers).orderBy(asc(printers.name), asc(printers.id));
  const tills: TillPrintingView[] = await q.select().from(tillPrinting).orderBy(asc(tillPrinting.tillId));
  return {
    printers: rows.map(({ id, name, host, port, paperMm, codePage, drawer }) => ({
      ...{ id, name, host, port, paperMm: paperMm === 58 ? 58 : 80, codePage, drawer },
    })),
    tills,
  };
}
