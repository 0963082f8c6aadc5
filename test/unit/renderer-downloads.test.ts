import { afterEach, describe, expect, it } from 'vitest';
import { downloadHref, setShellUrlForTests } from '../../renderer/src/api/downloads';

afterEach(() => setShellUrlForTests(null));

describe('download links', () => {
  it('stay on the page’s own origin in a browser, which is the station', () => {
    setShellUrlForTests('http://127.0.0.1:4780');
    expect(downloadHref('/downloads/job.pdf', { protocol: 'http:' })).toBe('/downloads/job.pdf');
  });

  it('point the desktop window (file://) at the station’s HTTP shell', () => {
    setShellUrlForTests('http://127.0.0.1:51234');
    expect(downloadHref('/downloads/refunds-1.xml', { protocol: 'file:' })).toBe(
      'http://127.0.0.1:51234/downloads/refunds-1.xml',
    );
  });

  it('keep the path when the desktop station has no shell address yet', () => {
    expect(downloadHref('/downloads/x.pdf', { protocol: 'file:' })).toBe('/downloads/x.pdf');
  });
});
