import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/chaos';
import { passed, reportLines } from '../chaos/report';

// The smaller run of `npm run chaos`: the same faults, kills and comparison, on fewer sales.
describe('the chaos run', () => {
  it('loses no payment and books none twice through faults and SIGKILLs', async () => {
    const report = await runChaos({ sales: 120, kills: 4, tills: 4, seed: 7 });
    const summary = reportLines(report).join('\n');
    console.log(summary);
    expect(report.kills).toBe(4);
    expect(report.counts.salesRecorded, summary).toBe(120);
    // The faults really happened, or the run proves nothing.
    expect(report.faults.http500 + report.faults.http503, summary).toBeGreaterThan(0);
    expect(report.faults.hangs, summary).toBeGreaterThan(0);
    expect(report.faults.callbacksDropped, summary).toBeGreaterThan(0);
    expect(report.counts.succeededPayments, summary).toBeGreaterThan(40);
    expect(report.counts.finalStatusesEqual, summary).toBe(
      report.counts.bancontactPayments - report.counts.createdButUnanswered,
    );
    expect(report.counts.salesWithTwoSuccesses, summary).toBe(0);
    expect(report.counts.succeededMissing, summary).toBe(0);
    expect(passed(report), summary).toBe(true);
  }, 240_000);
});
