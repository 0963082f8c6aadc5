// pngjs 5 ships no types; these are the calls Kassa makes (decoding a logo to RGBA; tests write one).
declare module 'pngjs' {
  export class PNG {
    constructor(options: { width: number; height: number });
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, row by row. */
    data: Buffer;
    static sync: { read(buffer: Buffer): PNG; write(png: PNG): Buffer };
  }
}
