import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleImportView, ContractError, FieldProblem } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

type Outcome =
  | { kind: 'done'; counts: ArticleImportView }
  | { kind: 'problems'; problems: FieldProblem[] }
  | { kind: 'error'; error: ContractError };

/** A catalogue CSV from a file: imported whole, or every bad line listed and nothing imported. */
export function ArticleImport() {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    const result = await call('articles.import', { csv: await file.text() });
    setBusy(false);
    if (result.ok) setOutcome({ kind: 'done', counts: result.value });
    else if (result.error.details?.length) setOutcome({ kind: 'problems', problems: result.error.details });
    else setOutcome({ kind: 'error', error: result.error });
  };

  return (
    <div className="article-import">
      <button type="button" className="button" disabled={busy} onClick={() => picker.current?.click()}>
        {t('articles.import')}
      </button>
      <input
        ref={picker}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="article-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {outcome && <ImportOutcome outcome={outcome} />}
    </div>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'error') return <ErrorAlert error={outcome.error} />;
  if (outcome.kind === 'done') {
    return (
      <p className="ok" role="status">
        {t('articles.imported', { ...outcome.counts })}
      </p>
    );
  }
  return (
    <div className="alert import-problems" role="alert">
      <p>{t('articles.nothingImported')}</p>
      <ul>
        {outcome.problems.map((problem, index) => (
          <li key={index}>{problemText(t, problem)}</li>
        ))}
      </ul>
    </div>
  );
}

function problemText(t: ReturnType<typeof useTranslation>['t'], problem: FieldProblem): string {
  const what = t(`articles.problem.${problem.problem}`, { other: problem.other ?? '' });
  const column = problem.column
    ? t(`articles.column.${problem.column}`, { defaultValue: problem.column })
    : '';
  return column
    ? t('articles.problemAt', { line: problem.line, column, what })
    : t('articles.problemOnLine', { line: problem.line, what });
}
