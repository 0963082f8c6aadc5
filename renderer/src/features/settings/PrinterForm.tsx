import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTER_CODE_PAGES, type PrinterView } from '../../../../shared/contract/receipt-methods';
import type { PrinterInput } from './use-printers';

const BLANK: PrinterInput = { name: '', host: '', port: 9100, paperMm: 80, codePage: 'cp858', drawer: false };

function initial(printer: PrinterView | null): PrinterInput & { portText: string } {
  // A printer's code page is always one of the list: the station refuses any other.
  const input = printer ? { ...printer, codePage: printer.codePage as PrinterInput['codePage'] } : BLANK;
  return { ...input, portText: String(input.port) };
}

/**
 * A network printer's set-up: name, address and port (9100 by default), paper (58 mm prints 32
 * characters a line, 80 mm 48), code page, and whether a cash drawer hangs on it. The station checks
 * each field and names the ones it refuses.
 */
export function PrinterForm({
  printer,
  onSave,
  onCancel,
}: {
  printer: PrinterView | null;
  onSave: (input: PrinterInput) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initial(printer));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const { portText, ...input } = form;
    // A port that is not a number goes as NaN: the station refuses it and names the field.
    const saved = await onSave({ ...input, port: portText.trim() === '' ? 9100 : Number(portText) });
    setBusy(false);
    if (saved) onCancel();
  };
  return (
    <form className="settings-form printer-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor="printer-name">{t('printers.name')}</label>
      <input
        id="printer-name"
        value={form.name}
        maxLength={60}
        onChange={(e) => set({ name: e.target.value })}
      />
      <label htmlFor="printer-host">{t('printers.host')}</label>
      <input id="printer-host" value={form.host} onChange={(e) => set({ host: e.target.value })} />
      <label htmlFor="printer-port">{t('printers.port')}</label>
      <input
        id="printer-port"
        inputMode="numeric"
        value={form.portText}
        onChange={(e) => set({ portText: e.target.value })}
      />
      <PaperAndCodePage form={form} set={set} />
      <label className="printer-drawer">
        <input type="checkbox" checked={form.drawer} onChange={(e) => set({ drawer: e.target.checked })} />
        {t('printers.drawer')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('printers.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('printers.cancel')}
        </button>
      </div>
    </form>
  );
}

function PaperAndCodePage({
  form,
  set,
}: {
  form: PrinterInput;
  set: (patch: Partial<PrinterInput>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="printer-paper">{t('printers.paper')}</label>
      <select
        id="printer-paper"
        value={form.paperMm}
        onChange={(e) => set({ paperMm: e.target.value === '58' ? 58 : 80 })}
      >
        <option value={80}>{t('printers.paper80')}</option>
        <option value={58}>{t('printers.paper58')}</option>
      </select>
      <label htmlFor="printer-code-page">{t('printers.codePage')}</label>
      <select
        id="printer-code-page"
        value={form.codePage}
        onChange={(e) => set({ codePage: e.target.value as PrinterInput['codePage'] })}
      >
        {PRINTER_CODE_PAGES.map((page) => (
          <option key={page} value={page}>
            {page}
          </option>
        ))}
      </select>
    </>
  );
}
