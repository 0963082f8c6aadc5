import type { SiteChaosReport } from './site-chaos';
import { verdictHolds } from './verdict';

/** The run's outcome in a few lines, for the test's failure message and `npm run chaos -- --site`. */
export function siteChaosLines(report: SiteChaosReport): string[] {
  const v = report.verdict;
  return [
    `festival chaos: ${report.seconds.toFixed(0)} s; ${report.faults.kills} SIGKILLs, ${report.faults.freezes} SIGSTOP, ${report.faults.postgresRestarts} PostgreSQL restart; ${report.unexpectedExits} unexpected exits`,
    `  faults: ${report.faults.lines.join('; ')}`,
    `  callbacks: ${report.callbacks.forwarded} taken by a station, ${report.callbacks.failed} not taken (left to the sweeps); answers ${JSON.stringify(report.callbacks.byStatus)}`,
    `  top-ups: ${v.topupsSucceeded} succeeded at Bancontact; not credited ${v.topupsNotCredited}, wrong ${v.topupsWrong}`,
    `  bar payments: ${v.barPaid} paid, ${v.barRefused} refused, ${v.barUnknown} without a definite answer; lost ${v.barLost}, wrong ${v.barWrong}${v.barOddRefusals.length ? `, odd refusals: ${v.barOddRefusals.join(', ')}` : ''}`,
    `  balances: ${v.balancesOffLedger} off their ledger, ${v.balancesOffExpected} off what Bancontact and the tablets make`,
    `  verdict: ${verdictHolds(v) ? 'PASS' : 'FAIL'}`,
  ];
}
