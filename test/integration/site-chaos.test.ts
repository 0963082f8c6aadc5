import { describe, expect, it } from 'vitest';
import { runSiteChaos } from '../site-chaos/site-chaos';
import { siteChaosLines } from '../site-chaos/site-report';
import { verdictHolds } from '../site-chaos/verdict';

// The festival chaos, a shorter run than `npm run chaos -- --site`: three stations on one
// PostgreSQL behind HAProxy, 40 bar tablets through HAProxy, top-ups by callbacks to random stations,
// SIGKILLs, one SIGSTOP and one PostgreSQL restart.
describe('the festival chaos run', () => {
  it('credits every top-up once and loses or doubles no bar payment through kills, a freeze and a database restart', async () => {
    const report = await runSiteChaos({
      ...{ stations: 3, tablets: 40, paymentsPerTablet: 40, wristbands: 60, topups: 150 },
      ...{ killEveryMs: 6_000, seed: 12 },
      log: (line) => console.log(line),
    });
    const summary = siteChaosLines(report).join('\n');
    console.log(summary);
    const { verdict, faults } = report;
    // The faults really happened, or the run proves nothing.
    expect(faults.kills, summary).toBeGreaterThanOrEqual(3);
    expect(faults.freezes, summary).toBe(1);
    expect(faults.postgresRestarts, summary).toBe(1);
    expect(verdict.barPaid, summary).toBeGreaterThan(1_000);
    expect(verdict.topupsSucceeded, summary).toBeGreaterThanOrEqual(60 + 150);
    expect(verdict.barUnknown, summary).toBe(0);
    expect(report.unexpectedExits, summary).toBe(0);
    expect(verdictHolds(verdict), summary).toBe(true);
  }, 600_000);
});
