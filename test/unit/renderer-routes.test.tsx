// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pickRoute, routeHref, usesHash } from '../../renderer/src/routes';

describe('route picker', () => {
  it('reads the hash first, as Electron windows load index.html from disk', () => {
    expect(pickRoute({ hash: '#/customer', pathname: '/opt/kassa/out/renderer/index.html' })).toBe('customer');
    expect(pickRoute({ hash: '#/settings', pathname: '/customer' })).toBe('settings');
    expect(pickRoute({ hash: '#/', pathname: '/settings' })).toBe('till');
  });

  it('falls back to the path in a browser', () => {
    expect(pickRoute({ hash: '', pathname: '/' })).toBe('till');
    expect(pickRoute({ hash: '', pathname: '/customer' })).toBe('customer');
    expect(pickRoute({ hash: '', pathname: '/customer/' })).toBe('customer');
    expect(pickRoute({ hash: '', pathname: '/settings' })).toBe('settings');
    expect(pickRoute({ hash: '', pathname: '/reports' })).toBe('reports');
    expect(pickRoute({ hash: '#/reports', pathname: '/opt/kassa/out/renderer/index.html' })).toBe('reports');
    expect(pickRoute({ hash: '', pathname: '/index.html' })).toBe('till');
    expect(pickRoute({ hash: '', pathname: '/devices' })).toBe('devices');
    expect(pickRoute({ hash: '#/audit', pathname: '/opt/kassa/out/renderer/index.html' })).toBe('audit');
  });

  it('opens the pairing page from its link, the one-time code in the fragment', () => {
    expect(pickRoute({ hash: '#Zm9vYmFyYmF6cXV4MTIzNDU2', pathname: '/pair' })).toBe('pair');
    expect(pickRoute({ hash: '', pathname: '/pair/' })).toBe('pair');
  });

  it('ignores hashes that are not routes and unknown paths', () => {
    expect(pickRoute({ hash: '#top', pathname: '/settings' })).toBe('settings');
    expect(pickRoute({ hash: '', pathname: '/nowhere' })).toBe('till');
  });

  it('links with hashes under file:// and with paths over http', () => {
    const file = { hash: '', pathname: '/app/index.html', protocol: 'file:' };
    const http = { hash: '', pathname: '/', protocol: 'http:' };
    expect(usesHash(file)).toBe(true);
    expect(routeHref('customer', file)).toBe('#/customer');
    expect(routeHref('till', file)).toBe('#/');
    expect(usesHash(http)).toBe(false);
    expect(routeHref('settings', http)).toBe('/settings');
    expect(routeHref('settings', { ...http, hash: '#/customer' })).toBe('#/settings');
  });
});
