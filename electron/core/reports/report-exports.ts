import { statSync, writeFileSync } from 'node:fs';
import type { DownloadView, ReportView } from '../../../shared/contract/report-views';
import type { Locale } from '../../../shared/domain/money';
import type { Db } from '../db/open-database';
import type { Closing } from './closing';
import { writeTransactionsCsv, type CsvSeparator } from './csv-export';
import type { ExportFolder } from './export-folder';
import type { Letterhead } from './pdf/letterhead';
import { renderReportPdf } from './pdf/report-pdf';
import type { TransactionFilters } from './transaction-queries';

export const DOWNLOAD_PREFIX = '/downloads/reports/';

export interface PdfRequest {
  kind: 'x' | 'z';
  number?: number;
  date?: string;
}

/** CSV and PDF files written to the export folder and handed out as download paths. */
export class ReportExports {
  constructor(
    private readonly deps: {
      db: Db;
      folder: ExportFolder;
      closing: Closing;
      /** The business identity and logo the PDFs are headed with, read when one is written. */
      letterhead?: () => Promise<Letterhead>;
    },
  ) {}

  /** `;` by default in nl and fr, where Excel expects it; `,` in English. */
  async csv(filters: TransactionFilters, locale: Locale, separator?: CsvSeparator): Promise<DownloadView> {
    const label = [filters.from, filters.to].filter(Boolean).join('-to-') || 'all';
    const { fileName, path } = this.deps.folder.newFile('transactions', label, 'csv');
    const rows = await writeTransactionsCsv(
      this.deps.db,
      filters,
      path,
      separator ?? (locale === 'en' ? ',' : ';'),
    );
    return this.download(fileName, path, 'text/csv; charset=utf-8', rows);
  }

  /** `named` adds the names of the tills and cashiers (from the station database) before printing. */
  async pdf(
    request: PdfRequest,
    locale: Locale,
    named: (report: ReportView) => Promise<ReportView> | ReportView = (report) => report,
  ): Promise<DownloadView> {
    const { closing, folder } = this.deps;
    const report = await named(
      await (request.kind === 'z' ? closing.z(request.number ?? 0) : closing.x(request.date)),
    );
    const label = report.kind === 'z' ? String(report.number) : report.businessDate;
    const { fileName, path } = folder.newFile(report.kind, label, 'pdf');
    writeFileSync(path, await renderReportPdf(report, locale, await this.deps.letterhead?.()));
    return this.download(fileName, path, 'application/pdf');
  }

  private download(fileName: string, path: string, contentType: string, rows?: number): DownloadView {
    const bytes = statSync(path).size;
    return {
      path: `${DOWNLOAD_PREFIX}${fileName}`,
      fileName,
      contentType,
      bytes,
      ...(rows === undefined ? {} : { rows }),
    };
  }
}
