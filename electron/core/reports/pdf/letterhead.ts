import type { BusinessIdentity } from '../../../../shared/contract/report-views';
import { formatBelgianVatNumber } from '../../../../shared/domain/vat-number';
import type { Logo } from '../../settings/logo-store';
import { A4, MARGIN, type PageWriter } from './page-writer';

/** Who the report is of: the business identity of the sales setup and the merchant's logo. */
export interface Letterhead {
  business: BusinessIdentity;
  logo: Logo | null;
}

const LOGO_BOX = { width: 150, height: 56 };

/**
 * The business's name, address, website and VAT number at the top left, its logo at the top right
 * (scaled into its box, proportions kept). Nothing at all when neither is set.
 */
export async function drawLetterhead(w: PageWriter, head: Letterhead): Promise<void> {
  const { name, address, website, vatNumber } = head.business;
  const lines = [address, website, vatNumber && formatBelgianVatNumber(vatNumber)].filter(Boolean);
  if (!name && lines.length === 0 && !head.logo) return;
  const top = w.y;
  if (head.logo) {
    const image =
      head.logo.mime === 'image/png'
        ? await w.doc.embedPng(head.logo.bytes)
        : await w.doc.embedJpg(head.logo.bytes);
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height, 1);
    const size = { width: image.width * scale, height: image.height * scale };
    w.page.drawImage(image, { x: A4.width - MARGIN - size.width, y: top - size.height, ...size });
  }
  if (name) {
    w.text(name, MARGIN, 12, true);
    w.y -= 16;
  }
  for (const line of lines) {
    w.text(line, MARGIN, 9, false, true);
    w.y -= 12;
  }
  // Below the logo too, and a little air before the title.
  w.y = Math.min(w.y, head.logo ? top - LOGO_BOX.height : w.y) - 14;
}
