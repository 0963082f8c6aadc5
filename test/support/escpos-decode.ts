import iconv from 'iconv-lite';

/*
 * Turns ESC/POS bytes back into what the paper shows: text lines (each character at the column the
 * printer puts it, from absolute and relative positions in dots) decoded with the code page the
 * bytes select, and the commands that do something a customer or cashier notices (cut, drawer pulse,
 * raster images). An unknown command fails the decoding, so a test never passes on bytes it did not read.
 */

export interface DecodedPrint {
  lines: string[];
  text: string;
  cuts: number;
  drawerPulses: number;
  rasterImages: number;
  codePages: string[];
}

/** ESC t n → the code page. Page 1 is the box-drawing table receiptline draws its rules with. */
const CODE_PAGE_OF: Record<number, string> = {
  0: 'cp437',
  1: 'rules',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  16: 'cp1252',
  18: 'cp852',
  19: 'cp858',
};

const DOTS_PER_CHAR = 12;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

/** Bytes after ESC x / FS x / GS x that a fixed-length command takes. */
const FIXED: Record<number, Record<string, number>> = {
  [ESC]: { '@': 0, a: 1, M: 1, ' ': 1, '3': 1, '2': 0, '{': 1, '-': 1, E: 1, '!': 1, J: 1, d: 1, G: 1, V: 1 },
  [FS]: { S: 2, '.': 0, '-': 1, C: 1, '&': 0 },
  [GS]: { a: 1, B: 1, L: 2, W: 2, r: 1, b: 1, H: 1, f: 1, h: 1, w: 1 },
};

class Paper {
  lines: string[] = [];
  cells: string[] = [];
  column = 0;
  margin = 0;
  widthScale = 1;
  codePage = 'cp437';
  codePages = new Set<string>();

  moveTo(dots: number): void {
    this.column = Math.round((this.margin + dots) / DOTS_PER_CHAR);
  }

  put(byte: number): void {
    const char =
      this.codePage === 'rules'
        ? byte >= 0x80
          ? '-'
          : String.fromCharCode(byte)
        : iconv.decode(Buffer.from([byte]), this.codePage);
    while (this.cells.length < this.column) this.cells.push(' ');
    this.cells[this.column] = char;
    for (let i = 1; i < this.widthScale; i++) this.cells[this.column + i] = '';
    this.column += this.widthScale;
  }

  feed(): void {
    this.lines.push(
      this.cells
        .map((c) => c ?? ' ')
        .join('')
        .trimEnd(),
    );
    this.cells = [];
    this.column = 0;
  }
}

export function decodeEscPos(bytes: Uint8Array): DecodedPrint {
  const paper = new Paper();
  const seen = { cuts: 0, drawerPulses: 0, rasterImages: 0 };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      paper.feed();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === ESC || b === FS || b === GS) {
      i = command(bytes, i, paper, seen);
    } else if (b >= 0x20) {
      paper.put(b);
      i += 1;
    } else {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at ${i}`);
    }
  }
  if (paper.cells.length > 0) paper.feed();
  const lines = paper.lines;
  return { lines, text: lines.join('\n'), ...seen, codePages: [...paper.codePages] };
}

const word = (bytes: Uint8Array, at: number) => bytes[at]! + bytes[at + 1]! * 256;

function command(
  bytes: Uint8Array,
  at: number,
  paper: Paper,
  seen: Omit<DecodedPrint, 'lines' | 'text' | 'codePages'>,
): number {
  const prefix = bytes[at]!;
  const name = String.fromCharCode(bytes[at + 1]!);
  const arg = bytes[at + 2]!;
  if (prefix === ESC && name === '@') {
    Object.assign(paper, { margin: 0, widthScale: 1, codePage: 'cp437' });
    return at + 2;
  }
  if (prefix === ESC && name === '$') return (paper.moveTo(word(bytes, at + 2)), at + 4);
  if (prefix === ESC && name === '\\') {
    const dots = word(bytes, at + 2);
    paper.column += Math.round((dots > 0x7fff ? dots - 0x10000 : dots) / DOTS_PER_CHAR);
    return at + 4;
  }
  if (prefix === ESC && name === 't') {
    paper.codePage = CODE_PAGE_OF[arg] ?? `unknown-${arg}`;
    if (paper.codePage !== 'rules') paper.codePages.add(paper.codePage);
    return at + 3;
  }
  if (prefix === ESC && name === 'p') return ((seen.drawerPulses += 1), at + 5);
  if (prefix === GS && name === '!') return ((paper.widthScale = ((arg >> 4) & 7) + 1), at + 3);
  if (prefix === GS && name === 'L') return ((paper.margin = word(bytes, at + 2)), at + 4);
  if (prefix === GS && name === 'V') {
    seen.cuts += 1;
    return at + (arg === 65 || arg === 66 ? 4 : 3);
  }
  if (prefix === FS && name === '(') return at + 5 + word(bytes, at + 3);
  if (prefix === GS && name === '(') return at + 5 + word(bytes, at + 3);
  if (prefix === GS && name === '8' && bytes[at + 2] === 0x4c) {
    seen.rasterImages += 1;
    const length = bytes[at + 3]! + bytes[at + 4]! * 256 + bytes[at + 5]! * 65536 + bytes[at + 6]! * 16777216;
    return at + 7 + length;
  }
  const fixed = FIXED[prefix]?.[name];
  if (fixed === undefined) throw new Error(`unknown command 0x${prefix.toString(16)} '${name}' at ${at}`);
  return at + 2 + fixed;
}
