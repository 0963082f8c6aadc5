import { randomBytes } from 'node:crypto';
import {
  ContractFailure,
  type BatchView,
  type ParsedInput,
  type PrintLayout,
  type SheetGrid,
  type TopupProfileChoice,
} from '../../../shared/contract';
import type { Locale } from '../../../shared/domain/money';
import {
  buildTopupPayload,
  CURRENT_PAYLOAD_HOST,
  LEGACY_PAYLOAD_HOST,
  TopupPayloadError,
  type PayloadHost,
} from '../../../shared/domain/topup-payload';
import { checkWristbandId, generateWristbandId, type RandomBytes } from '../../../shared/domain/wristband-id';
import type { Db } from '../db/open-database';
import { actorColumns, NO_ACTOR, type Actor } from '../ledger/actor';
import {
  batchIdOfWristband,
  findBatch,
  firstAndLastIds,
  insertBatchRow,
  insertBatchWithWristbands,
  latestPrintOf,
  listBatchRows,
  rootOf,
  wristbandIdsOf,
  type BatchRow,
} from './batch-repo';
import { LogoError, readLogo } from './pdf/logo-image';
import { layoutProblem, type BatchPrint } from './pdf/render-batch';
import { amountText, scanHintText } from './print-texts';
import { chooseProfile } from './profile-choice';
import { pooledRandom } from './random-source';

export type CreateBatchInput = ParsedInput<'topup.createBatch'>;

export interface BatchServiceDeps {
  db: Db;
  /** Printing needs a profile's id, name and amount mode, never its key. */
  profiles: readonly TopupProfileChoice[];
  now: () => number;
  random?: RandomBytes;
}

const newId = (): string => randomBytes(12).toString('hex');

const invalid = (field: string, message: string): ContractFailure =>
  new ContractFailure('INVALID_INPUT', message, { fields: [field] });

/** Wristband batches: creating them (ids and all), re-issuing them, and what printing one needs. */
export class BatchService {
  private readonly random: RandomBytes;

  constructor(private readonly deps: BatchServiceDeps) {
    this.random = deps.random ?? pooledRandom();
  }

  /** `actor` printed it: who and on which device are kept with the batch. */
  async create(input: CreateBatchInput, actor: Actor = NO_ACTOR): Promise<BatchRow> {
    const profile = chooseProfile(this.deps.profiles, input.profileId, input.amountMode);
    checkLogo(input.logoDataUrl);
    checkLayout(input.layout, input.grid, input.logoDataUrl !== undefined);
    const host: PayloadHost = input.legacyHost ? LEGACY_PAYLOAD_HOST : CURRENT_PAYLOAD_HOST;
    const row: BatchRow = {
      id: newId(),
      profileId: profile.ppid,
      count: input.count,
      amountMode: input.amountMode,
      amountCents: input.amountMode === 'open' ? null : (input.amountCents ?? null),
      description: input.description,
      eventName: input.eventName,
      logo: input.logoDataUrl ?? null,
      payloadHost: host,
      reissueOf: null,
      createdAt: this.deps.now(),
      ...actorColumns(actor),
    };
    checkPayload(row);
    await insertBatchWithWristbands(this.deps.db, row, () => generateWristbandId(this.random));
    return row;
  }

  /** The same ids again, on pay.bancontact.net: Bancontact retires the payconiq.com host for printed codes. */
  async reissue(
    batchId: string,
    print: { layout: PrintLayout; grid: SheetGrid | undefined },
    actor: Actor = NO_ACTOR,
  ): Promise<BatchRow> {
    const { layout, grid } = print;
    const original = await this.batch(batchId);
    checkLayout(layout, grid, original.logo !== null);
    const row: BatchRow = {
      ...original,
      id: newId(),
      payloadHost: CURRENT_PAYLOAD_HOST,
      reissueOf: rootOf(original),
      createdAt: this.deps.now(),
      ...actorColumns(actor),
    };
    await insertBatchRow(this.deps.db, row);
    return row;
  }

  async batch(batchId: string): Promise<BatchRow> {
    const row = await this.deps.db.read((q) => findBatch(q, batchId));
    if (!row) throw new ContractFailure('NOT_FOUND', `No batch ${batchId}`);
    return row;
  }

  list(): Promise<BatchView[]> {
    return this.deps.db.read(async (q) => {
      const views: BatchView[] = [];
      for (const row of await listBatchRows(q)) views.push(await this.view(row));
      return views;
    });
  }

  async view(row: BatchRow): Promise<BatchView> {
    const { first, last } = await this.deps.db.read((q) => firstAndLastIds(q, row));
    const { id, profileId, count, amountMode, amountCents, description, eventName, payloadHost, reissueOf } =
      row;
    return {
      ...{ id, profileId, count, amountMode, amountCents, description, eventName, payloadHost, reissueOf },
      createdAt: new Date(row.createdAt).toISOString(),
      firstWristbandId: first,
      lastWristbandId: last,
    };
  }

  /**
   * Everything the print worker needs for `row`, but the file to write. A batch printed without a
   * logo of its own carries the merchant's (a data URL), where its layout has room for one.
   */
  async print(
    row: BatchRow,
    layout: PrintLayout,
    grid: SheetGrid | undefined,
    locale: Locale,
    merchantLogo: string | null = null,
  ): Promise<Omit<BatchPrint, 'outFile'>> {
    const fallback = merchantLogo && layoutProblem(layout, grid, true) === null ? merchantLogo : null;
    return {
      layout,
      ...(grid ? { grid } : {}),
      ids: await this.deps.db.read((q) => wristbandIdsOf(q, rootOf(row))),
      payload: payloadTemplate(row),
      eventName: row.eventName,
      amountText: amountText(row.amountMode, row.amountCents, locale),
      hintText: scanHintText(locale),
      logoDataUrl: row.logo ?? fallback,
      title: `${row.eventName}: wristband codes`,
    };
  }

  /** A wristband's current payload: that of the latest print of its batch. */
  async payloadOf(wristbandRef: string): Promise<{ id: string; payload: string }> {
    const checked = checkWristbandId(wristbandRef);
    if (!checked.ok)
      throw new ContractFailure('INVALID_WRISTBAND_ID', `Not a wristband id (${checked.problem})`);
    const row = await this.deps.db.read(async (q) => {
      const root = await batchIdOfWristband(q, checked.id);
      return root === undefined ? undefined : latestPrintOf(q, root);
    });
    if (!row) throw new ContractFailure('NOT_FOUND', `No wristband ${checked.id}`);
    return { id: checked.id, payload: buildTopupPayload({ ...payloadTemplate(row), reference: checked.id }) };
  }
}

function payloadTemplate(row: BatchRow): BatchPrint['payload'] {
  const host = row.payloadHost === LEGACY_PAYLOAD_HOST ? LEGACY_PAYLOAD_HOST : CURRENT_PAYLOAD_HOST;
  return {
    ppid: row.profileId,
    amountMode: row.amountMode,
    amountCents: row.amountCents,
    description: row.description,
    host,
  };
}

function checkLogo(dataUrl: string | undefined): void {
  if (dataUrl === undefined) return;
  try {
    readLogo(dataUrl);
  } catch (error) {
    if (error instanceof LogoError) throw invalid('logoDataUrl', error.message);
    throw error;
  }
}

function checkLayout(layout: PrintLayout, grid: SheetGrid | undefined, hasLogo: boolean): void {
  const problem = layoutProblem(layout, grid, hasLogo);
  if (problem) throw invalid('grid', problem);
}

/** The contract has checked each field; this checks the payload they make, with a sample id. */
function checkPayload(row: BatchRow): void {
  try {
    buildTopupPayload({ ...payloadTemplate(row), reference: '0000-0000-0000' });
  } catch (error) {
    if (error instanceof TopupPayloadError) throw invalid(error.field, error.message);
    throw error;
  }
}
