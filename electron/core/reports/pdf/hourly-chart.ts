import { rgb } from 'pdf-lib';
import type { HourlyPoint } from '../../../../shared/contract/report-views';
import { A4, MARGIN, type PageWriter } from './page-writer';

const BAR = rgb(0.12, 0.36, 0.62);
const AXIS = rgb(0.6, 0.6, 0.6);
const CHART_HEIGHT = 120;

/**
 * The hourly sales as 24 bars drawn with pdf-lib rectangles (no image, so it prints sharp at any
 * size), scaled to the busiest hour, with the hours under the axis and the peak amount above it.
 */
export function drawHourlyChart(
  w: PageWriter,
  points: readonly HourlyPoint[],
  money: (cents: number) => string,
): void {
  w.ensure(CHART_HEIGHT + 40);
  const left = MARGIN + 8;
  const width = A4.width - MARGIN - left;
  const top = w.y - 12;
  const bottom = top - CHART_HEIGHT;
  const peak = Math.max(0, ...points.map((p) => p.cents));
  const slot = width / 24;
  if (peak > 0)
    w.page.drawText(money(peak), { x: left, y: top + 2, size: 7.5, font: w.regular, color: AXIS });
  for (const point of points) {
    const height = peak === 0 ? 0 : (point.cents / peak) * (CHART_HEIGHT - 14);
    const x = left + point.hour * slot + slot * 0.15;
    if (height > 0) w.page.drawRectangle({ x, y: bottom, width: slot * 0.7, height, color: BAR });
    if (point.hour % 3 === 0) {
      const label = String(point.hour).padStart(2, '0');
      w.page.drawText(label, { x: x + slot * 0.1, y: bottom - 10, size: 7, font: w.regular, color: AXIS });
    }
  }
  w.page.drawLine({
    start: { x: left, y: bottom },
    end: { x: left + width, y: bottom },
    thickness: 0.6,
    color: AXIS,
  });
  w.y = bottom - 18;
}
