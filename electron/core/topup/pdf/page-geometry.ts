import type { PrintLayout, SheetGrid } from '../../../../shared/contract/topup-batch-views';

/** Points per millimetre: PDF user space is 1/72 inch. */
export const MM = 72 / 25.4;

/** A rectangle in points, origin at the bottom left as in PDF. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Line = readonly [x1: number, y1: number, x2: number, y2: number];

export interface PageGeometry {
  width: number;
  height: number;
  /** Where the codes go, in printing order (rows from the top, left to right). */
  cells: Box[];
  /** Cells per row, to tell a cell's column and row from its index. */
  columns: number;
  cutMarks: Line[];
}

export const DEFAULT_GRID: SheetGrid = { rows: 6, columns: 4, marginMm: 10 };

const A4 = { width: 210 * MM, height: 297 * MM };
/** One code per page, on media of these sizes (a label roll prints one label per page). */
const SINGLE: Record<Exclude<PrintLayout, 'a4'>, { width: number; height: number }> = {
  strip: { width: 250 * MM, height: 25 * MM },
  card: { width: 85.6 * MM, height: 54 * MM },
  label: { width: 50 * MM, height: 30 * MM },
};

/** Cut marks start this far from the grid, so that a cut slightly off the line does not show them. */
const MARK_GAP = 1 * MM;
const MARK_LENGTH = 5 * MM;
/** Below this margin there is no room for marks outside the grid; small crosses mark the corners instead. */
const MIN_MARK_MARGIN = 2.5 * MM;
const CROSS_ARM = 1.2 * MM;

export function pageGeometry(layout: PrintLayout, grid: SheetGrid = DEFAULT_GRID): PageGeometry {
  if (layout !== 'a4') {
    const { width, height } = SINGLE[layout];
    return { width, height, cells: [{ x: 0, y: 0, width, height }], columns: 1, cutMarks: [] };
  }
  const margin = grid.marginMm * MM;
  const cellWidth = (A4.width - 2 * margin) / grid.columns;
  const cellHeight = (A4.height - 2 * margin) / grid.rows;
  const cells: Box[] = [];
  for (let row = 0; row < grid.rows; row += 1) {
    for (let column = 0; column < grid.columns; column += 1) {
      const top = A4.height - margin - row * cellHeight;
      cells.push({
        x: margin + column * cellWidth,
        y: top - cellHeight,
        width: cellWidth,
        height: cellHeight,
      });
    }
  }
  const xs = Array.from({ length: grid.columns + 1 }, (_, k) => margin + k * cellWidth);
  const ys = Array.from({ length: grid.rows + 1 }, (_, k) => margin + k * cellHeight);
  return {
    ...A4,
    cells,
    columns: grid.columns,
    cutMarks: margin >= MIN_MARK_MARGIN ? marginMarks(xs, ys, margin) : cornerCrosses(xs, ys),
  };
}

function marginMarks(xs: number[], ys: number[], margin: number): Line[] {
  const length = Math.min(MARK_LENGTH, margin - MARK_GAP - 0.5 * MM);
  const top = A4.height - margin;
  const right = A4.width - margin;
  const marks: Line[] = [];
  for (const x of xs) {
    marks.push([x, top + MARK_GAP, x, top + MARK_GAP + length]);
    marks.push([x, margin - MARK_GAP - length, x, margin - MARK_GAP]);
  }
  for (const y of ys) {
    marks.push([margin - MARK_GAP - length, y, margin - MARK_GAP, y]);
    marks.push([right + MARK_GAP, y, right + MARK_GAP + length, y]);
  }
  return marks;
}

function cornerCrosses(xs: number[], ys: number[]): Line[] {
  return xs.flatMap((x) =>
    ys.flatMap((y): Line[] => [
      [x - CROSS_ARM, y, x + CROSS_ARM, y],
      [x, y - CROSS_ARM, x, y + CROSS_ARM],
    ]),
  );
}
