import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { SecretForm } from './SecretForm';
import type { StaffView } from './staff-api';
import { call } from '../../api/client';
import { StaffForm } from './StaffForm';
import type { StaffList } from './use-staff-list';

export type Editing = { kind: 'edit' | 'secret' | 'delete'; person: StaffView };

interface Props {
  editing: Editing;
  list: StaffList;
  /** Closes the editor; a delete's refusal is shown by the screen, the forms show their own. */
  onDone: (error: ContractError | null) => void;
}

/** The one person being changed: their details, a new PIN or password, or the question before a delete. */
export function StaffEditor({ editing, list, onDone }: Props) {
  const { t } = useTranslation();
  const { person } = editing;
  const ref = useRef<HTMLElement>(null);
  // The row may be far down a long list: bring the form into view (jsdom has no scrolling).
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'nearest' }), [editing]);
  const closeOn = (failed: ContractError | null) => {
    if (!failed) onDone(null);
    return failed;
  };
  const title =
    editing.kind === 'edit'
      ? t('staff.editing', { name: person.name })
      : t('staff.newSecretFor', { name: person.name });
  if (editing.kind === 'delete')
    return (
      <ConfirmDelete
        person={person}
        onKeep={() => onDone(null)}
        onDelete={() => void list.run(() => call('staff.delete', { staffId: person.id })).then(onDone)}
      />
    );
  return (
    <section ref={ref} className="staff-editor" aria-label={title}>
      <h2>{title}</h2>
      {editing.kind === 'edit' ? (
        <StaffForm
          editing={person}
          onCancel={() => onDone(null)}
          onSubmit={async ({ secret, ...changes }) =>
            closeOn(
              await list.run(() =>
                call('staff.update', { staffId: person.id, ...changes, ...(secret ? { secret } : {}) }),
              ),
            )
          }
        />
      ) : (
        <SecretForm
          person={person}
          onCancel={() => onDone(null)}
          onSubmit={async (secret) =>
            closeOn(await list.run(() => call('staff.setSecret', { staffId: person.id, secret })))
          }
        />
      )}
    </section>
  );
}

function ConfirmDelete({
  person,
  onKeep,
  onDelete,
}: {
  person: StaffView;
  onKeep: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="staff-confirm" role="alertdialog" aria-labelledby="staff-confirm-text">
      <p id="staff-confirm-text">{t('staff.confirmDelete', { name: person.name })}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onKeep}>
          {t('staff.keep')}
        </button>
        <button type="button" className="button button-cancel" onClick={onDelete}>
          {t('staff.deleteYes')}
        </button>
      </div>
    </div>
  );
}
