import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterView } from '../../../../shared/contract/receipt-methods';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../i18n/error-text';
import { PrinterForm } from './PrinterForm';
import { TillPrinting } from './TillPrinting';
import { usePrinters, type Printers } from './use-printers';

/**
 * Settings → Printers (administrators): the network receipt printers, which till prints where, and a
 * test page per printer that says whether the printer took it. Hidden from anyone the station refuses.
 */
export function PrintersSection() {
  const { t } = useTranslation();
  const printers = usePrinters();
  const [editing, setEditing] = useState<PrinterView | 'new' | null>(null);
  const { view, error } = printers;
  if (!view && error?.code === 'FORBIDDEN') return null;
  return (
    <section className="settings-section" aria-labelledby="printers-title" data-testid="printers">
      <h2 id="printers-title">{t('printers.title')}</h2>
      <p className="muted">{t('printers.explained')}</p>
      {error && <ErrorAlert error={error} />}
      {view && view.printers.length === 0 && <p>{t('printers.none')}</p>}
      {view?.printers.map((printer) =>
        editing !== 'new' && editing?.id === printer.id ? (
          <PrinterForm
            key={printer.id}
            printer={printer}
            onSave={printers.save}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <PrinterRow
            key={printer.id}
            printer={printer}
            printers={printers}
            onEdit={() => setEditing(printer)}
          />
        ),
      )}
      {editing === 'new' ? (
        <PrinterForm printer={null} onSave={printers.save} onCancel={() => setEditing(null)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('printers.add')}
          </button>
        </div>
      )}
      {view && <TillPrinting view={view} tills={printers.tills} setTill={printers.setTill} />}
    </section>
  );
}

type TestOutcome = { printed: true } | { printed: false; error: string } | null;

/** A test page sent straight to the printer, and whether it took it (the reason when it did not). */
function useTestPage(printer: PrinterView, printers: Printers) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<TestOutcome>(null);
  const [busy, setBusy] = useState(false);
  const test = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await printers.testPage(printer.id);
    setBusy(false);
    if (!result.ok) setOutcome({ printed: false, error: errorText(t, result.error) });
    else
      setOutcome(
        result.value.printed ? { printed: true } : { printed: false, error: result.value.error ?? '' },
      );
  };
  return { outcome, busy, test };
}

function PrinterRow({
  printer,
  printers,
  onEdit,
}: {
  printer: PrinterView;
  printers: Printers;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { outcome, busy, test } = useTestPage(printer, printers);
  const [removing, setRemoving] = useState(false);
  const paper = printer.paperMm === 58 ? t('printers.paper58') : t('printers.paper80');
  return (
    <div className="printer-row" data-testid={`printer-${printer.name}`}>
      <p>
        <strong>{printer.name}</strong> {printer.host}:{printer.port} · {paper} · {printer.codePage}
        {printer.drawer && ` · ${t('printers.drawerYes')}`}
      </p>
      {removing ? (
        <RemoveQuestion printer={printer} printers={printers} onNo={() => setRemoving(false)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void test()}>
            {t('printers.testPage')}
          </button>
          <button type="button" className="button" onClick={onEdit}>
            {t('printers.edit')}
          </button>
          <button type="button" className="button button-danger" onClick={() => setRemoving(true)}>
            {t('printers.remove')}
          </button>
        </div>
      )}
      {outcome?.printed === true && (
        <p className="ok" role="status">
          {t('printers.testPrinted', { name: printer.name })}
        </p>
      )}
      {outcome?.printed === false && (
        <p className="alert" role="alert">
          {t('printers.testFailed', { name: printer.name, error: outcome.error })}
        </p>
      )}
    </div>
  );
}

function RemoveQuestion({
  printer,
  printers,
  onNo,
}: {
  printer: PrinterView;
  printers: Printers;
  onNo: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="group" aria-label={t('printers.removeQuestion', { name: printer.name })}>
      <p>
        <strong>{t('printers.removeQuestion', { name: printer.name })}</strong>
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => void printers.remove(printer.id)}
        >
          {t('printers.removeYes')}
        </button>
        <button type="button" className="button" onClick={onNo}>
          {t('printers.cancel')}
        </button>
      </div>
    </div>
  );
}
