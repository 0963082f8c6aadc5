import type { ReceiptRow } from '../../../../shared/contract/receipt-lines';
import { receiptRows } from '../../../../shared/contract/receipt-lines';
import type { ReceiptView } from '../../../../shared/contract/receipt-views';
import { LOGO_PATH } from '../../../../shared/contract/logo-methods';
import { downloadHref } from '../../api/downloads';
import { useLocale } from '../../i18n';

/**
 * The receipt as the customer gets it: the very rows the printer and the PDF draw
 * (shared/contract/receipt-lines.ts), in the screen's language so its amounts read as the rest of the
 * screen does. Only how a row looks is decided here.
 */
export function ReceiptPaper({ view, copy }: { view: ReceiptView; copy?: number }) {
  const locale = useLocale();
  const rows = receiptRows({ ...view, locale }, { copy });
  return (
    <div className="receipt-paper" data-testid="receipt-paper">
      {rows.map((row, index) => (
        <PaperRow key={index} row={row} />
      ))}
    </div>
  );
}

function PaperRow({ row }: { row: ReceiptRow }) {
  switch (row.kind) {
    case 'logo':
      return <img className="receipt-logo" src={downloadHref(LOGO_PATH)} alt="" />;
    case 'title':
      return <p className="receipt-title">{row.text}</p>;
    case 'center':
      return <p className="receipt-center">{row.text}</p>;
    case 'mark':
      return <p className="receipt-mark">{row.text}</p>;
    case 'detail':
      return <p className="receipt-detail">{row.text}</p>;
    case 'rule':
      return <hr className="receipt-rule" />;
    case 'pair':
      return <PairRow row={row} />;
    case 'table':
      return (
        <p className={row.header ? 'receipt-table receipt-table-head' : 'receipt-table'}>
          {row.cells.map((cell, index) => (
            <span key={index}>{cell}</span>
          ))}
        </p>
      );
  }
}

/** A pair indented on paper (a line's discount, cash tendered) is indented by CSS, not by spaces. */
function PairRow({ row }: { row: Extract<ReceiptRow, { kind: 'pair' }> }) {
  const indented = row.left.startsWith(' ');
  const classes = ['receipt-pair', row.strong && 'receipt-strong', indented && 'receipt-indent'];
  return (
    <p className={classes.filter(Boolean).join(' ')}>
      <span>{row.left.trim()}</span>
      <span>{row.right}</span>
    </p>
  );
}
