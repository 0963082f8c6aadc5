import { benchBackup } from './backup';
import { benchBasket } from './basket';
import { benchCallbackLatency } from './callback-latency';
import { benchDurability } from './durability';
import { benchEngines } from './engines';
import { benchFailover } from './failover';
import { benchLinkedDevices } from './linked-devices';
import { benchOpenPayments } from './open-payments';
import { benchPaymentLatency } from './payment-latency';
import { benchReceipts } from './receipts';
import { benchReports } from './reports';
import { benchStations } from './stations';
import { benchTopupPdf } from './topup-pdf';

const payments = Number(process.env.KASSA_BENCH_PAYMENTS ?? 50);

/** Each part of the bench by name; `KASSA_BENCH_ONLY=reports,pdf` runs some of them. */
const PARTS: Record<string, () => Promise<void>> = {
  callbacks: () => benchCallbackLatency(payments),
  polling: () => benchPaymentLatency(payments),
  open: () => benchOpenPayments(Number(process.env.KASSA_BENCH_OPEN_PAYMENTS ?? 500)),
  pdf: () => benchTopupPdf(),
  reports: () => benchReports(Number(process.env.KASSA_BENCH_SALES ?? 1_000_000)),
  durability: () => benchDurability(Number(process.env.KASSA_BENCH_DURABILITY_SALES ?? 200)),
  backup: () => benchBackup(Number(process.env.KASSA_BENCH_BACKUP_MB ?? 1_024)),
  devices: () => benchLinkedDevices(20, Number(process.env.KASSA_BENCH_DEVICES_SECONDS ?? 60)),
  engines: () => benchEngines(20, Number(process.env.KASSA_BENCH_ENGINES_SECONDS ?? 20)),
  stations: () => benchStations(20, Number(process.env.KASSA_BENCH_STATIONS_SECONDS ?? 20)),
  failover: () => benchFailover(),
  basket: () => benchBasket(),
  receipts: () => benchReceipts(),
};

/** `npm run bench`: prints the figures the issues ask for. Timings are medians on a noisy machine. */
async function main(): Promise<void> {
  console.log(`Kassa bench — node ${process.version}, ${new Date().toISOString()}`);
  const only = process.env.KASSA_BENCH_ONLY?.split(',').map((name) => name.trim());
  for (const [name, run] of Object.entries(PARTS)) {
    if (!only || only.includes(name)) await run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
