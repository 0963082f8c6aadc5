import type { ChaosReport } from './chaos';

const pct = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0'}%`;

/** True when the run found nothing wrong: the figures a cashier's trust rests on. */
export function passed(report: ChaosReport): boolean {
  const c = report.counts;
  return (
    c.finalStatusMismatches === 0 &&
    c.salesWithTwoSuccesses === 0 &&
    c.succeededMissing === 0 &&
    c.unknownAtStation === 0 &&
    c.salesNotAsExpected === 0 &&
    c.anomalies === 0 &&
    report.unsettled === 0 &&
    report.unexpectedExits.length === 0
  );
}

/** The counts the closing note quotes, one line each, then examples of anything that went wrong. */
export function reportLines(report: ChaosReport): string[] {
  const c = report.counts;
  const f = report.faults;
  const lines = [
    `sales: ${c.salesPlanned} planned, ${c.salesRecorded} recorded; station killed ${report.kills} times; ${report.seconds.toFixed(0)} s`,
    `faults hit in ${f.requests} Bancontact requests: ${f.http500} × 500, ${f.http503} × 503 (${pct(f.http500 + f.http503, f.requests - f.http429 - f.hangs)} of the requests neither throttled nor hung), ${f.hangs} hangs (${pct(f.hangs, f.requests)}), ${f.http429} × 429 in ${f.rateLimitBursts} bursts, ${f.slowSpells} slow spells, ${f.reorderedBatches} reordered callback batches`,
    `callbacks: ${f.callbacks}, of which ${f.callbacksDropped} dropped (${pct(f.callbacksDropped, f.callbacks)}), ${f.callbacksDuplicated} extra copies of duplicated ones, ${f.callbacksBadlySigned} badly signed, ${f.callbacksDerSigned} DER-signed`,
    `payments at Bancontact: ${c.bancontactPayments} (${c.succeededPayments} SUCCEEDED, ${c.createdButUnanswered} created but never answered, no QR shown)`,
    `final statuses equal: ${c.finalStatusesEqual}/${c.bancontactPayments - c.createdButUnanswered}; mismatches: ${c.finalStatusMismatches}; unknown at the station: ${c.unknownAtStation}`,
    `sales with two successful payments: ${c.salesWithTwoSuccesses}`,
    `SUCCEEDED payments missing at the station: ${c.succeededMissing}`,
    `sales not ending as their script allows: ${c.salesNotAsExpected}; script anomalies: ${c.anomalies}; still open after settling: ${report.unsettled}; crashes: ${report.unexpectedExits.length}`,
  ];
  for (const example of report.examples) lines.push(`  ${example}`);
  for (const exit of report.unexpectedExits)
    lines.push(`  crash at ${exit.at}: ${exit.code ?? exit.signal}\n${exit.outputTail}`);
  return lines;
}
