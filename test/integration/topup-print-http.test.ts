import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../shared/contract';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;

beforeEach(async () => {
  kassa = await startStationWithShell({ simulatorUrl: 'http://127.0.0.1:9' });
});
afterEach(async () => {
  await kassa.close();
});

const batch = {
  count: 30,
  amountMode: 'open',
  description: 'Top-up',
  eventName: 'Graspop 2026',
  layout: 'a4',
} as const;

async function finished(jobId: string): Promise<PrintJobView> {
  for (;;) {
    const job = await kassa.must('jobs.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('GET /downloads/<jobId>.pdf', () => {
  it('serves the finished PDF, byte for byte, as an attachment named after the batch', async () => {
    const { batch: made, job } = await kassa.must('topup.createBatch', batch);
    const done = await finished(job.jobId);
    const response = await fetch(`${kassa.shell.url}${done.downloadPath ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const name = `Graspop 2026 - Top-up - ${made.firstWristbandId}.pdf`;
    expect(done.fileName).toBe(name);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(readFileSync(join(kassa.dataDir, 'prints', `${job.jobId}.pdf`)))).toBe(true);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('keeps the accents of an event’s name in filename*=UTF-8, and no path character anywhere', async () => {
    const event = 'Fête / Musique: "Été" à Liège';
    const { batch: made, job } = await kassa.must('topup.createBatch', {
      ...batch,
      count: 2,
      eventName: event,
    });
    const done = await finished(job.jobId);
    const header = (await fetch(`${kassa.shell.url}${done.downloadPath ?? ''}`)).headers.get(
      'content-disposition',
    );
    const name = `Fête Musique Été à Liège - Top-up - ${made.firstWristbandId}.pdf`;
    expect(done.fileName).toBe(name);
    const utf8 = /filename\*=UTF-8''([^;]+)/.exec(header ?? '')?.[1];
    expect(decodeURIComponent(utf8 ?? '')).toBe(name);
    // The plain fallback for old clients: the same name, its accents taken off.
    expect(header).toContain(`filename="Fete Musique Ete a Liege - Top-up - ${made.firstWristbandId}.pdf"`);
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
  });

  it('serves nothing for a job that is still running, was cancelled or never existed, and no other path', async () => {
    const { job } = await kassa.must('topup.createBatch', { ...batch, count: 100_000 });
    expect((await fetch(`${kassa.shell.url}/downloads/${job.jobId}.pdf`)).status).toBe(404);
    await kassa.must('jobs.cancel', { jobId: job.jobId });
    expect((await finished(job.jobId)).state).toBe('cancelled');
    for (const path of [
      `/downloads/${job.jobId}.pdf`,
      `/downloads/${'0'.repeat(24)}.pdf`,
      `/downloads/${job.jobId}.pdf.part`,
      '/downloads/..%2Fsettings.json',
      '/downloads/%2E%2E%2Ftraining.sqlite',
      '/downloads/../training.sqlite',
    ]) {
      const response = await fetch(`${kassa.shell.url}${path}`);
      expect(response.status, path).not.toBe(200);
      expect(response.headers.get('content-type') ?? '', path).not.toContain('application/pdf');
    }
  });

  it('answers a page whose own name was re-pointed at this machine with FORBIDDEN', async () => {
    const { job } = await kassa.must('topup.createBatch', batch);
    await finished(job.jobId);
    const { request } = await import('node:http');
    const url = new URL(`${kassa.shell.url}/downloads/${job.jobId}.pdf`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
