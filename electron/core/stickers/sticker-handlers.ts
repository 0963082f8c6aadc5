import type { StickerFile } from '../../../shared/contract/sticker-methods';
import { ContractFailure } from '../../../shared/contract/errors';
import {
  configurableProblems,
  configurableStickerPayload,
  fixedStickerPayload,
  readPrintedSticker,
  type ConfigurableInput,
  type StickerLanguage,
  type StickerSize,
} from '../../../shared/domain/sticker-payload';
import { CURRENT_PAYLOAD_HOST, LEGACY_PAYLOAD_HOST } from '../../../shared/domain/topup-payload';
import type { Handlers } from '../api/dispatcher';
import { fixedStickerPdf } from './sticker-pdf';
import { stickerPng, stickerSvg } from './sticker-image';

export type StickerHandlers = Pick<
  Handlers,
  'stickers.fixedPdf' | 'stickers.configurable' | 'stickers.reissue'
>;

const hostOf = (legacy: boolean) => (legacy ? LEGACY_PAYLOAD_HOST : CURRENT_PAYLOAD_HOST);

async function fixedFile(
  input: { shopName: string; ppid: string; posId: string; language: StickerLanguage },
  legacy: boolean,
): Promise<StickerFile> {
  const payload = fixedStickerPayload(input.ppid, input.posId, hostOf(legacy));
  const pdf = await fixedStickerPdf({ ...input, payload });
  const fileName = `sticker-${input.posId}-${input.language}.pdf`;
  return { fileName, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64'), payload };
}

async function configurableFile(
  input: ConfigurableInput & { format: 'png' | 'svg'; size: StickerSize },
  legacy: boolean,
): Promise<StickerFile> {
  const problems = configurableProblems(input);
  if (problems.length > 0) {
    throw new ContractFailure('INVALID_INPUT', 'The sticker cannot carry these values', {
      fields: problems.map((p) => p.field),
      details: problems.map((p) => ({ column: p.field, problem: p.problem })),
    });
  }
  const payload = configurableStickerPayload(input, hostOf(legacy));
  const fileName = `sticker-${input.ppid}-${input.size}.${input.format}`;
  if (input.format === 'svg') {
    const svg = await stickerSvg(payload, input.size);
    return { fileName, mime: 'image/svg+xml', base64: Buffer.from(svg, 'utf8').toString('base64'), payload };
  }
  return { fileName, mime: 'image/png', base64: stickerPng(payload, input.size).toString('base64'), payload };
}

function refused(field: string, problem: string, message: string): ContractFailure {
  return new ContractFailure('INVALID_INPUT', message, {
    fields: [field],
    details: [{ column: field, problem }],
  });
}

/**
 * Sticker QR codes, made on demand from the shop and profile the caller names (nothing is stored), so
 * they work with today's one payment profile and with a shop's several profiles alike.
 */
export function createStickerHandlers(): StickerHandlers {
  return {
    'stickers.fixedPdf': ({ legacyHost, ...input }) => fixedFile(input, legacyHost),
    'stickers.configurable': ({ legacyHost, ...input }) => configurableFile(input, legacyHost),
    'stickers.reissue': async ({ oldPayload, shopName, language, format, size }) => {
      const printed = readPrintedSticker(oldPayload);
      if (!printed)
        throw refused('oldPayload', 'unknownSticker', 'This is not a sticker payload Kassa can re-issue');
      if (printed.kind === 'configurable') {
        return { oldPayload, ...(await configurableFile({ ...printed, format, size }, false)) };
      }
      if (!shopName) throw refused('shopName', 'required', 'A fixed sticker needs the shop name');
      return { oldPayload, ...(await fixedFile({ ...printed, shopName, language }, false)) };
    },
  };
}
