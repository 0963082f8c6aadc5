import { runAsJob } from '../../jobs/worker-side';
import { renderBatchPdf, type BatchPrint } from './render-batch';

// A worker thread: renders one batch PDF (see print-jobs.ts).
runAsJob<BatchPrint>((print, hooks) => renderBatchPdf(print, hooks));
