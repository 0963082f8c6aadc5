/** ASCII bytes of 0 … 999, so that the hot loop of a page writes numbers without making strings. */
const SMALL_INTS: Uint8Array[] = Array.from({ length: 1000 }, (_, n) => Buffer.from(String(n), 'latin1'));

/**
 * A growable byte buffer for PDF content. Content streams are built byte by byte: for 100 000 codes of
 * ~500 rectangles each, string concatenation was the slowest part of rendering.
 */
export class ByteBuilder {
  private buffer: Buffer;
  length = 0;

  constructor(initialSize = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  /**
   * The underlying buffer with room for `extra` more bytes at `length`, for hot loops that write
   * bytes themselves and then advance `length`.
   */
  writable(extra: number): Buffer {
    this.ensure(extra);
    return this.buffer;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  /** Latin-1 text: operators, names and already-escaped strings. */
  text(value: string): this {
    this.ensure(value.length);
    this.length += this.buffer.write(value, this.length, 'latin1');
    return this;
  }

  bytes(value: Uint8Array): this {
    this.ensure(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
    return this;
  }

  byte(value: number): this {
    this.ensure(1);
    this.buffer[this.length++] = value;
    return this;
  }

  /** A whole number 0 … 999 from the table, anything else as text. */
  int(value: number): this {
    const small = SMALL_INTS[value];
    return small ? this.bytes(small) : this.text(String(value));
  }

  /** A coordinate in points, rounded to 1/1000: finer than any printer resolves. */
  num(value: number): this {
    const rounded = Math.round(value * 1000) / 1000;
    return Number.isInteger(rounded) && rounded >= 0 ? this.int(rounded) : this.text(String(rounded));
  }

  /** Numbers separated by spaces, then an operator: `nums([1, 0, 0, 1, x, y], 'cm')`. */
  op(values: readonly number[], operator: string): this {
    for (const value of values) this.num(value).byte(0x20);
    return this.text(operator).byte(0x0a);
  }

  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}
