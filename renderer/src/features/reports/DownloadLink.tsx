import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, DownloadView, Result } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadHref } from '../../api/downloads';

/**
 * A file the station writes on request (reports.exportPdf, reports.exportCsv). `fetch` asks for it;
 * once it is there, the browser is sent to it at once, and a link stays for saving it again.
 */
export function useDownload() {
  const [file, setFile] = useState<DownloadView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const fetch = useCallback(async (work: () => Promise<Result<DownloadView>>) => {
    // A ref, not state: a double click lands before React re-renders.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const result = await work();
    inFlight.current = false;
    setBusy(false);
    if (result.ok) setFile(result.value);
    else setError(result.error);
  }, []);
  return { file, error, busy, fetch };
}

/** The link to a written file, clicked once by itself when a new file arrives. */
export function DownloadLink({ file, error }: { file: DownloadView | null; error: ContractError | null }) {
  const { t } = useTranslation();
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (file) link.current?.click();
  }, [file]);
  if (error) return <ErrorAlert error={error} />;
  if (!file) return null;
  return (
    <a ref={link} className="download-link" href={downloadHref(file.path)} download={file.fileName}>
      {t('reports.download', { fileName: file.fileName })}
    </a>
  );
}
