import { writeFileSync } from 'node:fs';
import type { MethodName } from '../../../shared/contract';
import type { DownloadView } from '../../../shared/contract/report-views';
import type { Locale } from '../../../shared/domain/money';
import type { Handlers } from '../api/dispatcher';
import { DOWNLOAD_PREFIX } from '../reports/report-exports';
import type { ExportFolder } from '../reports/export-folder';
import { articlesCsv } from './article-csv-export';
import type { ArticleService } from './article-service';

type ArticleMethodName = Extract<MethodName, `articles.${string}`>;

export interface ArticleHandlerDeps {
  articles: ArticleService;
  /** Where downloads are written and served from (`/downloads/reports/`). */
  folder: () => ExportFolder;
  /** The station's language: `;` and a decimal comma in nl and fr, as Excel expects there. */
  locale: () => Locale;
}

/** `articles.*`: the catalogue the tills sell from. */
export function createArticleHandlers(deps: ArticleHandlerDeps): Pick<Handlers, ArticleMethodName> {
  const { articles } = deps;
  return {
    'articles.list': (filter) => articles.list(filter),
    'articles.save': (input) => articles.save(input),
    'articles.import': ({ csv }) => articles.importCsv(csv),
    'articles.export': async ({ separator }) => {
      const csv = articlesCsv(await articles.all(), separator ?? (deps.locale() === 'en' ? ',' : ';'));
      return writeDownload(deps.folder(), csv);
    },
  };
}

function writeDownload(folder: ExportFolder, csv: string): DownloadView {
  const { fileName, path } = folder.newFile('articles', 'catalogue', 'csv');
  writeFileSync(path, csv);
  return {
    path: `${DOWNLOAD_PREFIX}${fileName}`,
    fileName,
    contentType: 'text/csv; charset=utf-8',
    bytes: Buffer.byteLength(csv),
  };
}
