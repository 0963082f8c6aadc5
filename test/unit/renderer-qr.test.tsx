// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QrCode } from '../../renderer/src/components/QrCode';
import { QUIET_ZONE, qrShape } from '../../renderer/src/components/qr-matrix';
import { createI18n } from '../../renderer/src/i18n';

const DEEPLINK = 'https://pay.bancontact.net/p/1/abcdef0123456789abcdef01';

/** Paints the path back onto a grid, so the test compares modules, not strings. */
function paint(path: string, side: number): boolean[][] {
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const match of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let i = 0; i < w; i++) grid[y]![x + i] = true;
  }
  return grid;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('QR code', () => {
  it('draws exactly the modules of an error-correction-M code with a 4-module quiet zone', () => {
    const { modules } = QRCode.create(DEEPLINK, { errorCorrectionLevel: 'M' });
    const shape = qrShape(DEEPLINK);
    expect(shape.side).toBe(modules.size + 2 * QUIET_ZONE);
    const grid = paint(shape.path, shape.side);
    for (let row = 0; row < shape.side; row++) {
      for (let col = 0; col < shape.side; col++) {
        const inside = row >= QUIET_ZONE && col >= QUIET_ZONE && row < QUIET_ZONE + modules.size && col < QUIET_ZONE + modules.size;
        const dark = inside && modules.get(row - QUIET_ZONE, col - QUIET_ZONE) === 1;
        expect(grid[row]![col], `${row},${col}`).toBe(dark);
      }
    }
  });

  it('renders an accessible SVG of at least 240px on white, without style attributes', async () => {
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n('en')}>
          <QrCode value={DEEPLINK} />
        </I18nextProvider>,
      ),
    );
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe('Bancontact QR code');
    expect(Number(svg?.getAttribute('width'))).toBeGreaterThanOrEqual(240);
    expect(container.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(container.querySelector('[style]')).toBeNull();
    act(() => root.unmount());
  });
});
