import { z } from 'zod';
import { DEFAULT_MAX_INPUT_BYTES, out } from './method-spec';

/** The merchant's logo: one image on receipts, the customer display and every PDF. */
export interface LogoView {
  mime: 'image/png' | 'image/jpeg';
  /** The image's size in bytes. */
  bytes: number;
  /** Where the screens fetch it (`GET`, any screen of the station, no session needed: it is public). */
  path: string;
  /** When it was set (ms since the epoch): screens add it to the path so a new logo is fetched again. */
  updatedAt: number;
  /**
   * The image itself, only when asked (`withImage`): the desktop window is loaded from file://, where
   * its content policy lets no image in from the HTTP shell.
   */
  dataUrl?: string;
}

export const LOGO_PATH = '/downloads/logo';
/** Receipt printers and PDFs need no more: a logo this size prints sharp at 80 mm. */
export const MAX_LOGO_IMAGE_BYTES = 256 * 1024;
const MAX_IMAGE_TEXT = 'data:image/jpeg;base64,'.length + Math.ceil(MAX_LOGO_IMAGE_BYTES / 3) * 4;

/** Merged into `methods`. */
export const logoMethods = {
  'settings.getLogo': {
    permission: 'signedIn',
    input: z.object({ withImage: z.boolean().default(false) }).strict(),
    output: out<LogoView | null>(),
  },
  /** A PNG or JPEG, as a data URL or bare base64; refused when it is another type or too big. */
  'settings.setLogo': {
    permission: 'administer',
    // The size is checked on the decoded bytes (a clear "at most 256 KB"), not on the text.
    input: z
      .object({
        image: z
          .string()
          .min(1)
          .max(MAX_IMAGE_TEXT * 2),
      })
      .strict(),
    output: out<LogoView>(),
    maxInputBytes: MAX_IMAGE_TEXT * 2 + DEFAULT_MAX_INPUT_BYTES,
  },
  'settings.removeLogo': { permission: 'administer', input: z.object({}).strict(), output: out<null>() },
} as const;
