import { z } from 'zod';
import {
  MAX_SHOP_NAME,
  MAX_STICKER_CENTS,
  MAX_STICKER_TEXT,
  POS_ID_PATTERN,
  PPID_PATTERN,
  STICKER_LANGUAGES,
  STICKER_SIZES,
} from '../domain/sticker-payload';
import { out } from './method-spec';

/** A sticker as a file, base64-encoded so that it crosses IPC and HTTP alike, with what its code reads. */
export interface StickerFile {
  fileName: string;
  mime: 'application/pdf' | 'image/png' | 'image/svg+xml';
  base64: string;
  /** The text the printed code carries: what a payer's app reads. */
  payload: string;
}

const sizes = Object.keys(STICKER_SIZES) as [
  keyof typeof STICKER_SIZES,
  ...Array<keyof typeof STICKER_SIZES>,
];
const ppid = z.string().regex(PPID_PATTERN);
const shopName = z.string().trim().min(1).max(MAX_SHOP_NAME);
const language = z.enum(STICKER_LANGUAGES);
const text = z.string().max(MAX_STICKER_TEXT).nullable().default(null);
/** The payload host: Bancontact's new one unless a sticker must match old prints for a while. */
const legacyHost = z.boolean().default(false);

/**
 * Sticker QR codes (seed 000 *QR codes*): made on demand for a shop's sticker profile (its PPID), never
 * stored. Printing material: managers and administrators on a Manager device, like the top-up batches.
 */
export const stickerMethods = {
  /** The fixed sticker of one till (its POS id): a print-ready A5 PDF in one of four languages. */
  'stickers.fixedPdf': {
    permission: 'close',
    input: z
      .object({ shopName, ppid, posId: z.string().regex(POS_ID_PATTERN), language, legacyHost })
      .strict(),
    output: out<StickerFile>(),
  },
  /** A configurable code as PNG (exactly 180, 250, 400 or 800 px) or SVG, with optional D, A and R. */
  'stickers.configurable': {
    permission: 'close',
    input: z
      .object({
        ppid,
        format: z.enum(['png', 'svg']),
        size: z.enum(sizes).default('M'),
        amountCents: z.number().int().min(1).max(MAX_STICKER_CENTS).nullable().default(null),
        reference: text,
        description: text,
        legacyHost,
      })
      .strict(),
    output: out<StickerFile>(),
  },
  /**
   * A sticker printed with the old payload host (payconiq.com), made again on pay.bancontact.net: a
   * fixed one as a PDF in `language` (with `shopName`), a configurable one as an image in `format`/`size`.
   */
  'stickers.reissue': {
    permission: 'close',
    input: z
      .object({
        oldPayload: z.string().trim().min(1).max(2000),
        shopName: shopName.optional(),
        language: language.default('nl'),
        format: z.enum(['png', 'svg']).default('png'),
        size: z.enum(sizes).default('M'),
      })
      .strict(),
    output: out<StickerFile & { oldPayload: string }>(),
  },
} as const;
