import { useTranslation } from 'react-i18next';
import type { PrintersView } from '../../../../shared/contract/receipt-methods';
import type { Printers } from './use-printers';

/** Which printer each till prints on, and whether every sale there prints by itself. */
export function TillPrinting({
  view,
  tills,
  setTill,
}: { view: PrintersView } & Pick<Printers, 'tills' | 'setTill'>) {
  const { t } = useTranslation();
  return (
    <table className="till-printing">
      <caption>{t('printers.tillsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('printers.till')}</th>
          <th scope="col">{t('printers.printer')}</th>
          <th scope="col">{t('printers.autoPrint')}</th>
        </tr>
      </thead>
      <tbody>
        {tills.map((tillId) => {
          const current = view.tills.find((till) => till.tillId === tillId);
          const printerId = current?.printerId ?? '';
          const autoPrint = current?.autoPrint ?? true;
          return (
            <tr key={tillId}>
              <th scope="row">{tillId}</th>
              <td>
                <select
                  aria-label={`${t('printers.printer')} ${tillId}`}
                  value={printerId}
                  onChange={(e) => void setTill(tillId, e.target.value || null, autoPrint)}
                >
                  <option value="">{t('printers.noPrinter')}</option>
                  {view.printers.map((printer) => (
                    <option key={printer.id} value={printer.id}>
                      {printer.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('printers.autoPrint')} ${tillId}`}
                  checked={autoPrint}
                  disabled={printerId === ''}
                  onChange={(e) => void setTill(tillId, printerId, e.target.checked)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
