import type { ArticleLookup } from '../sales/catalogue';
import type { Db } from '../db/open-database';
import type { Logger } from '../logging/logger';
import type { SalesRepo } from '../sales/sales-repo';
import { AttentionList } from './attention';
import { BarPayments } from './bar-payments';
import { EventEnd } from './event-end';
import { TopupLedger } from './ledger';
import { RefundService } from './refunds/refund-service';
import { TopupLanes, type TopupLanesOptions } from './topup-lanes';
import type { TopupProfile } from '../settings/topup-profiles';
import type { WristbandRow } from './wristband-book';
import { WristbandService } from './wristband-service';

export interface TopupServicesOptions extends Omit<TopupLanesOptions, 'ledger'> {
  db: Db;
  repo: SalesRepo;
  now: () => number;
  logger: Logger;
  newId: () => string;
  profiles: readonly TopupProfile[];
  onWristbandChanged: (wristband: WristbandRow) => void;
  onSaleChanged: (saleId: string) => void;
  /** The catalogue bar sales price their baskets from. */
  articles?: ArticleLookup;
}

/** The wristband ledger of one mode: crediting top-ups, the bar tender, the manager's tools and refunds. */
export interface TopupServices {
  ledger: TopupLedger;
  lanes: TopupLanes;
  wristbands: WristbandService;
  bar: BarPayments;
  attention: AttentionList;
  refunds: RefundService;
  /** Whether the event has ended: bars stop, refund files may be made. */
  event: EventEnd;
  close(): void;
}

export function createTopupServices(options: TopupServicesOptions): TopupServices {
  const { db, repo, now, newId, onWristbandChanged, onSaleChanged, articles } = options;
  const ledger = new TopupLedger({ db, now, onWristbandChanged });
  const lanes = new TopupLanes({ ...options, ledger });
  lanes.replaceProfiles(options.profiles);
  return {
    ledger,
    lanes,
    wristbands: new WristbandService({ db, now, onWristbandChanged }),
    bar: new BarPayments({ db, repo, now, newId, onWristbandChanged, onSaleChanged, articles }),
    attention: new AttentionList({ db, now, onWristbandChanged }),
    refunds: new RefundService({ db, now, newId, clients: () => lanes.clients(), onWristbandChanged }),
    event: new EventEnd({ db, now }),
    close: () => lanes.close(),
  };
}
