import { benchCallbackLatency } from './callback-latency';
import { benchOpenPayments } from './open-payments';
import { benchPaymentLatency } from './payment-latency';

/** `npm run bench`: prints the figures the issues ask for. Timings are medians on a noisy machine. */
async function main(): Promise<void> {
  console.log(`Kassa bench — node ${process.version}, ${new Date().toISOString()}`);
  const payments = Number(process.env.KASSA_BENCH_PAYMENTS ?? 50);
  await benchCallbackLatency(payments);
  await benchPaymentLatency(payments);
  await benchOpenPayments(Number(process.env.KASSA_BENCH_OPEN_PAYMENTS ?? 500));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
