import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventStateView } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { stationTimeFormat } from '../../i18n/station-time';
import { useEventState } from './use-event-state';

/**
 * The manager's *End the event* step. It asks first and says what follows (bars stop, refund files
 * become possible, late top-ups are still credited); once ended it offers the undo for as long as
 * the station allows it, that is until the first refund file.
 */
export function EventEndSection() {
  const { t } = useTranslation();
  const event = useEventState();
  const [confirming, setConfirming] = useState(false);
  const { state } = event;
  if (!state) return event.error ? <ErrorAlert error={event.error} /> : null;
  const end = async () => {
    if (await event.end()) setConfirming(false);
  };
  return (
    <section className="topup-section event-end" aria-labelledby="event-end-title" data-testid="event-end">
      <h2 id="event-end-title">{t('topup.event.title')}</h2>
      {state.ended ? (
        <EndedState state={state} busy={event.busy} onReopen={() => void event.reopen()} />
      ) : confirming ? (
        <div className="confirm" role="group" aria-labelledby="event-end-question">
          <p id="event-end-question">
            <strong>{t('topup.event.confirmQuestion')}</strong>
          </p>
          <p>{t('topup.event.confirmExplained')}</p>
          {state.autoTopupsToRevoke > 0 && (
            <p>{t('topup.event.autoTopupsRevoked', { count: state.autoTopupsToRevoke })}</p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={event.busy}
              onClick={() => void end()}
            >
              {t('topup.event.confirmYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('topup.event.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="muted">{t('topup.event.running')}</p>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('topup.event.end')}
          </button>
        </>
      )}
      {event.error && <ErrorAlert error={event.error} />}
    </section>
  );
}

function EndedState({
  state,
  busy,
  onReopen,
}: {
  state: EventStateView;
  busy: boolean;
  onReopen: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The date in full: the end is read back days later, when refunds are made.
  const format = stationTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const when = state.endedAt ? format.format(new Date(state.endedAt)) : '';
  return (
    <>
      <p role="status" data-testid="event-ended">
        {t('topup.event.ended', { when })}
      </p>
      {state.autoTopupsToRevoke > 0 && (
        <p role="alert" data-testid="auto-topups-left">
          {t('topup.event.autoTopupsLeft', { count: state.autoTopupsToRevoke })}
        </p>
      )}
      {state.canReopen ? (
        <button type="button" className="button" disabled={busy} onClick={onReopen}>
          {t('topup.event.undo')}
        </button>
      ) : (
        <p className="muted">{t('topup.event.final')}</p>
      )}
    </>
  );
}
