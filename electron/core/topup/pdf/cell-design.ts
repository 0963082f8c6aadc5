import type { PrintLayout } from '../../../../shared/contract/topup-batch-views';
import type { FontKey } from './fonts';
import { MM, type Box } from './page-geometry';

/** Where one line of text goes in a cell: its font, its largest and smallest size, and its room. */
export interface TextSlot {
  font: FontKey;
  size: number;
  minSize: number;
  x: number;
  baseline: number;
  width: number;
  align: 'center' | 'left';
}

/** The parts of one code, relative to its cell's bottom-left corner. */
export interface CellDesign {
  /** The QR with its quiet zone (4 modules each side): nothing else is drawn inside. */
  qr: Box;
  logo: Box | null;
  event: TextSlot;
  amount: TextSlot;
  id: TextSlot;
  /** The payer's instruction, one slot per line; none where the layout has no room for it. */
  hint: TextSlot[];
}

/** Below this a QR of ~50 modules gets modules under 0.35 mm, too small for thermal printers and phones. */
export const MIN_QR_SIDE = 18 * MM;
const LEADING = 1.25;

interface SideStyle {
  padding: number;
  /** Room before the QR: a wristband's end goes into its clasp. */
  lead: number;
  sizes: readonly [event: number, amount: number, id: number];
  maxPanel: number;
}

const SIDE_STYLES: Record<Exclude<PrintLayout, 'a4'>, SideStyle> = {
  strip: { padding: 1.5 * MM, lead: 30 * MM, sizes: [8, 10, 8], maxPanel: 80 * MM },
  card: { padding: 4 * MM, lead: 4 * MM, sizes: [9, 13, 10], maxPanel: 60 * MM },
  label: { padding: 1.5 * MM, lead: 1.5 * MM, sizes: [6.5, 8, 6.5], maxPanel: 30 * MM },
};

const slot = (
  font: FontKey,
  size: number,
  at: { x: number; baseline: number; width: number },
  align: TextSlot['align'],
): TextSlot => ({
  font,
  size,
  minSize: Math.min(size, 5),
  ...at,
  align,
});

/** Baselines for three lines stacked downwards from `top`. */
function baselines(top: number, sizes: readonly number[]): number[] {
  let cursor = top;
  return sizes.map((size) => {
    cursor -= size * LEADING;
    return cursor + size * 0.25;
  });
}

function textBlockHeight(sizes: readonly number[]): number {
  return sizes.reduce((sum, size) => sum + size * LEADING, 0);
}

/** A4 cells: the QR on top, centred; event, amount and id below it; the logo left of the text. */
function stackedCell(cell: { width: number; height: number }, hasLogo: boolean): CellDesign {
  const padding = 2.5 * MM;
  const scale = Math.min(1.6, Math.max(0.6, Math.min(cell.width, cell.height) / (45 * MM)));
  const sizes = [7 * scale, 9 * scale, 8 * scale] as const;
  const block = textBlockHeight(sizes);
  const side = Math.min(cell.width - 2 * padding, cell.height - 2 * padding - block);
  const qr = { x: (cell.width - side) / 2, y: cell.height - padding - side, width: side, height: side };
  const logo = hasLogo ? { x: padding, y: qr.y - block, width: block, height: block } : null;
  const left = logo ? logo.x + logo.width + 1 * MM : padding;
  const room = { x: left, width: cell.width - padding - left };
  const [event = 0, amount = 0, id = 0] = baselines(qr.y, sizes);
  return {
    qr,
    logo,
    event: slot('bold', sizes[0], { ...room, baseline: event }, 'center'),
    amount: slot('bold', sizes[1], { ...room, baseline: amount }, 'center'),
    id: slot('mono', sizes[2], { ...room, baseline: id }, 'center'),
    // A4 cells give all their height to the code: no room for the instruction.
    hint: [],
  };
}

const HINT_SIZE = 7;
/** Under this a line of instruction would shrink to unreadable. */
const MIN_HINT_WIDTH = 40 * MM;

/**
 * The instruction's room: on a strip (a wristband, 250 mm long) one line right of the text; on a card two
 * lines under the text when they fit above the padding; labels are too small.
 */
function hintSlots(
  layout: Exclude<PrintLayout, 'a4'>,
  cell: { width: number; height: number },
  panel: { x: number; width: number; textBottom: number },
): TextSlot[] {
  const style = SIDE_STYLES[layout];
  const line = (x: number, width: number, baseline: number) =>
    slot('regular', HINT_SIZE, { x, width, baseline }, 'left');
  if (layout === 'strip') {
    const x = panel.x + panel.width + 3 * MM;
    const width = Math.min(style.maxPanel, cell.width - style.padding - x);
    return width < MIN_HINT_WIDTH ? [] : [line(x, width, cell.height / 2 - HINT_SIZE * 0.35)];
  }
  if (layout !== 'card') return [];
  const first = panel.textBottom - 2 * MM - HINT_SIZE;
  const second = first - HINT_SIZE * LEADING;
  if (second - HINT_SIZE * 0.25 < style.padding) return [];
  return [line(panel.x, panel.width, first), line(panel.x, panel.width, second)];
}

/** Strips, cards and labels: the QR at the left, full height; the logo and the text to its right. */
function sideCell(
  layout: Exclude<PrintLayout, 'a4'>,
  cell: { width: number; height: number },
  hasLogo: boolean,
): CellDesign {
  const style = SIDE_STYLES[layout];
  const side = cell.height - 2 * style.padding;
  const qr = { x: style.lead, y: style.padding, width: side, height: side };
  const x = qr.x + side + 1 * MM;
  const width = Math.min(style.maxPanel, cell.width - style.padding - x);
  const logoHeight = hasLogo ? side * 0.38 : 0;
  const logo = hasLogo ? { x, y: cell.height - style.padding - logoHeight, width, height: logoHeight } : null;
  const top = cell.height - style.padding - (logo ? logoHeight + 1 * MM : 0);
  const block = textBlockHeight(style.sizes);
  const [event = 0, amount = 0, id = 0] = baselines(
    top - Math.max(0, (top - style.padding - block) / 2),
    style.sizes,
  );
  const [eventSize, amountSize, idSize] = style.sizes;
  const textBottom = id - idSize * 0.25;
  return {
    qr,
    logo,
    event: slot('bold', eventSize, { x, width, baseline: event }, 'left'),
    amount: slot('bold', amountSize, { x, width, baseline: amount }, 'left'),
    id: slot('mono', idSize, { x, width, baseline: id }, 'left'),
    hint: hintSlots(layout, cell, { x, width, textBottom }),
  };
}

export function designCell(
  layout: PrintLayout,
  cell: { width: number; height: number },
  hasLogo: boolean,
): CellDesign {
  return layout === 'a4' ? stackedCell(cell, hasLogo) : sideCell(layout, cell, hasLogo);
}
