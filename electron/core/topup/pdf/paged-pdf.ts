import { fontDictionary, FONTS, type FontKey } from './fonts';
import type { PdfImage } from './logo-image';
import { PdfFileWriter } from './pdf-file-writer';

const CATALOG = 1;
const ROOT_PAGES = 2;
const RESOURCES = 3;
const INFO = 4;
/** Pages hang in groups under the root, so readers find page 4 000 without scanning one huge array. */
const PAGES_PER_GROUP = 256;

export interface PagedPdfOptions {
  width: number;
  height: number;
  logo: PdfImage | null;
  title: string;
}

/** Text strings outside ASCII go into the document info as UTF-16BE with a byte-order mark. */
function utf16Hex(text: string): string {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return `<FEFF${bytes.toString('hex')}>`;
}

/**
 * A PDF of same-sized pages, streamed to disk page by page. Media box and resources (three standard
 * fonts, the logo) are inherited from the page tree's root, so each page object is a few bytes.
 */
export class PagedPdf {
  private readonly writer: PdfFileWriter;
  private readonly groups: number[] = [];
  private group = 0;
  private kids: number[] = [];
  private pages = 0;

  constructor(
    file: string,
    private readonly options: PagedPdfOptions,
  ) {
    this.writer = new PdfFileWriter(file);
    for (let id = CATALOG; id <= INFO; id += 1) this.writer.reserve();
  }

  /** A page whose content stream is already deflated. */
  addPage(deflatedContent: Uint8Array): void {
    if (this.kids.length === 0) this.group = this.writer.reserve();
    const contentId = this.writer.reserve();
    const pageId = this.writer.reserve();
    this.writer.stream(contentId, '', deflatedContent, true);
    this.writer.object(pageId, `<< /Type /Page /Parent ${this.group} 0 R /Contents ${contentId} 0 R >>`);
    this.kids.push(pageId);
    this.pages += 1;
    if (this.kids.length === PAGES_PER_GROUP) this.closeGroup();
  }

  finish(): void {
    if (this.kids.length > 0) this.closeGroup();
    const { width, height, title } = this.options;
    const kids = this.groups.map((id) => `${id} 0 R`).join(' ');
    this.writer.object(
      ROOT_PAGES,
      `<< /Type /Pages /Kids [${kids}] /Count ${this.pages} /MediaBox [0 0 ${width.toFixed(3)} ${height.toFixed(3)}] /Resources ${RESOURCES} 0 R >>`,
    );
    this.writer.object(RESOURCES, this.resources());
    this.writer.object(CATALOG, `<< /Type /Catalog /Pages ${ROOT_PAGES} 0 R >>`);
    const created = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    this.writer.object(
      INFO,
      `<< /Title ${utf16Hex(title)} /Producer (Kassa) /CreationDate (D:${created}Z) >>`,
    );
    this.writer.finish(CATALOG, INFO);
  }

  abandon(): void {
    this.writer.abandon();
  }

  private closeGroup(): void {
    const kids = this.kids.map((id) => `${id} 0 R`).join(' ');
    this.writer.object(
      this.group,
      `<< /Type /Pages /Parent ${ROOT_PAGES} 0 R /Kids [${kids}] /Count ${this.kids.length} >>`,
    );
    this.groups.push(this.group);
    this.kids = [];
  }

  private resources(): string {
    const fonts = (Object.keys(FONTS) as FontKey[]).map((key) => {
      const id = this.writer.reserve();
      this.writer.object(id, fontDictionary(key));
      return `/${FONTS[key].resource} ${id} 0 R`;
    });
    const logo = this.options.logo ? ` /XObject << /Logo ${this.writeLogo(this.options.logo)} 0 R >>` : '';
    return `<< /ProcSet [/PDF /Text /ImageC] /Font << ${fonts.join(' ')} >>${logo} >>`;
  }

  private writeLogo(logo: PdfImage): number {
    let mask = '';
    if (logo.alpha) {
      const maskId = this.writer.reserve();
      const dictionary = ` /Type /XObject /Subtype /Image /Width ${logo.width} /Height ${logo.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`;
      this.writer.stream(maskId, dictionary, logo.alpha);
      mask = ` /SMask ${maskId} 0 R`;
    }
    const id = this.writer.reserve();
    this.writer.stream(id, ` /Type /XObject /Subtype /Image ${logo.dictionary}${mask}`, logo.data);
    return id;
  }
}
