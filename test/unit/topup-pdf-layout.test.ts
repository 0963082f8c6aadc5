import { describe, expect, it } from 'vitest';
import { PRINT_LAYOUTS } from '../../shared/contract/topup-batch-views';
import { designCell, MIN_QR_SIDE } from '../../electron/core/topup/pdf/cell-design';
import { fitText } from '../../electron/core/topup/pdf/cell-content';
import { encodeWinAnsi, textWidth } from '../../electron/core/topup/pdf/fonts';
import { DEFAULT_GRID, MM, pageGeometry, type Box } from '../../electron/core/topup/pdf/page-geometry';
import { moduleGrid, PIXEL_GRID, QUIET_ZONE } from '../../electron/core/topup/pdf/qr-modules';
import { layoutProblem } from '../../electron/core/topup/pdf/render-batch';

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: { width: number; height: number }): boolean =>
  a.x >= 0 && a.y >= 0 && a.x + a.width <= outer.width + 1e-6 && a.y + a.height <= outer.height + 1e-6;

describe('page geometry', () => {
  it('tiles an A4 sheet with rows × columns cells inside the margins, in reading order', () => {
    const page = pageGeometry('a4', { rows: 6, columns: 4, marginMm: 10 });
    expect([page.width / MM, page.height / MM].map(Math.round)).toEqual([210, 297]);
    expect(page.cells).toHaveLength(24);
    const [first, second, , , fifth] = page.cells;
    expect(first).toMatchObject({ x: 10 * MM });
    expect((first?.y ?? 0) + (first?.height ?? 0)).toBeCloseTo(287 * MM);
    expect(second?.x).toBeGreaterThan(first?.x ?? 0);
    expect(fifth?.y).toBeLessThan(first?.y ?? 0);
    for (const cell of page.cells) expect(inside(cell, { width: 200 * MM, height: 287 * MM })).toBe(true);
  });

  it('draws cut marks at every row and column line, in the margin only', () => {
    const margin = 12 * MM;
    const page = pageGeometry('a4', { rows: 3, columns: 2, marginMm: 12 });
    expect(page.cutMarks).toHaveLength(2 * (2 + 1) + 2 * (3 + 1));
    for (const [x1, y1, x2, y2] of page.cutMarks) {
      const inGrid = (x: number, y: number): boolean =>
        x > margin && x < page.width - margin && y > margin && y < page.height - margin;
      expect(inGrid(x1, y1) || inGrid(x2, y2)).toBe(false);
      expect(Math.min(x1, x2, y1, y2)).toBeGreaterThanOrEqual(0);
    }
  });

  it('marks the corners with small crosses when the margin has no room for marks', () => {
    const page = pageGeometry('a4', { rows: 2, columns: 2, marginMm: 0 });
    expect(page.cutMarks).toHaveLength(3 * 3 * 2);
  });

  it.each([
    ['strip', 250, 25],
    ['card', 85.6, 54],
    ['label', 50, 30],
  ] as const)('gives %s one code per page of %s × %s mm', (layout, width, height) => {
    const page = pageGeometry(layout);
    expect(page.width / MM).toBeCloseTo(width);
    expect(page.height / MM).toBeCloseTo(height);
    expect(page.cells).toHaveLength(1);
  });
});

describe('cell design', () => {
  it.each(PRINT_LAYOUTS.flatMap((layout) => [[layout, false] as const, [layout, true] as const]))(
    '%s (logo: %s) keeps text and logo out of the QR and its quiet zone, and everything inside the cell',
    (layout, hasLogo) => {
      const cell = pageGeometry(layout, DEFAULT_GRID).cells[0]!;
      const design = designCell(layout, cell, hasLogo);
      expect(design.qr.width).toBeGreaterThanOrEqual(MIN_QR_SIDE);
      expect(inside(design.qr, cell)).toBe(true);
      if (hasLogo) {
        expect(design.logo).not.toBeNull();
        expect(overlaps(design.logo!, design.qr)).toBe(false);
      }
      for (const slot of [design.event, design.amount, design.id, ...design.hint]) {
        const line = { x: slot.x, y: slot.baseline - slot.size * 0.25, width: slot.width, height: slot.size };
        expect(overlaps(line, design.qr)).toBe(false);
        expect(inside(line, cell)).toBe(true);
      }
    },
  );

  it('refuses a grid whose cells cannot hold a readable code', () => {
    expect(layoutProblem('a4', { rows: 6, columns: 4, marginMm: 10 }, false)).toBeNull();
    expect(layoutProblem('a4', { rows: 12, columns: 8, marginMm: 10 }, false)).toMatch(/too small/);
  });
});

describe('modules on the grid', () => {
  it('rounds modules down to whole 1/150-inch steps, puts the corner on the grid and keeps ≥ 4 quiet modules', () => {
    const box = { x: 101.3, y: 257.77, width: 93.1 };
    const size = 45;
    const at = moduleGrid(box, size);
    expect(at.module / PIXEL_GRID).toBeCloseTo(Math.round(at.module / PIXEL_GRID), 9);
    expect(at.x / PIXEL_GRID).toBeCloseTo(Math.round(at.x / PIXEL_GRID), 9);
    expect(at.y / PIXEL_GRID).toBeCloseTo(Math.round(at.y / PIXEL_GRID), 9);
    expect(at.x - box.x).toBeGreaterThanOrEqual(QUIET_ZONE * at.module - PIXEL_GRID / 2);
    expect(box.x + box.width - (at.x + size * at.module)).toBeGreaterThanOrEqual(
      QUIET_ZONE * at.module - PIXEL_GRID / 2,
    );
    expect(at.module).toBeGreaterThan(box.width / (size + 2 * QUIET_ZONE) - PIXEL_GRID);
  });

  it('keeps the exact module size when rounding would shrink it by half', () => {
    const at = moduleGrid({ x: 0, y: 0, width: 1.4 * PIXEL_GRID * 53 }, 45);
    expect(at.module).toBeCloseTo(1.4 * PIXEL_GRID);
  });
});

describe('printed text', () => {
  it('is WinAnsi: €, accents and the no-break spaces of Belgian amounts print, anything else as ?', () => {
    expect([...encodeWinAnsi('€ é ç ë').codes]).toEqual([0x80, 0x20, 0xe9, 0x20, 0xe7, 0x20, 0xeb]);
    expect([...encodeWinAnsi('1\u202f234,50\u00a0€').codes]).toEqual([
      0x31, 0xa0, 0x32, 0x33, 0x34, 0x2c, 0x35, 0x30, 0xa0, 0x80,
    ]);
    expect([...encodeWinAnsi('Łódź 東').codes]).toEqual([0x3f, 0xf3, 0x64, 0x3f, 0x20, 0x3f]);
  });

  it('shrinks a long event name to fit, and cuts it with an ellipsis when even the smallest size is too wide', () => {
    const slot = {
      font: 'bold',
      size: 9,
      minSize: 5,
      x: 10,
      baseline: 0,
      width: 100,
      align: 'center',
    } as const;
    const short = fitText('Dour', slot);
    expect(short.size).toBe(9);
    expect(short.x).toBeGreaterThan(10);
    const long = fitText('Rock Werchter Festival — weekend pass', slot);
    expect(long.size).toBeLessThan(9);
    expect(textWidth(long.text, 'bold', long.size)).toBeLessThanOrEqual(100);
    const huge = fitText('A very long event name that cannot possibly fit on one small label line', slot);
    expect(huge.size).toBe(5);
    expect(huge.text.glyphs.at(-1)).toBe('ellipsis');
    expect(textWidth(huge.text, 'bold', 5)).toBeLessThanOrEqual(100);
  });
});
