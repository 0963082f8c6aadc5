import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IdleLockForm } from './IdleLockForm';
import type { StaffView } from './staff-api';
import { call } from '../../api/client';
import { StaffEditor, type Editing } from './StaffEditor';
import { StaffForm, type StaffFormValues } from './StaffForm';
import { StaffTable, type StaffAction } from './StaffTable';
import { useStaffList } from './use-staff-list';

/** Administrators: who may sign in, with which role and language; blocks, locks and the idle lock. */
export function StaffScreen() {
  const { t } = useTranslation();
  const list = useStaffList();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const act = (action: StaffAction, person: StaffView) => {
    setActionError(null);
    if (action === 'edit' || action === 'secret' || action === 'delete')
      return setEditing({ kind: action, person });
    void list.run(() => call(`staff.${action}`, { staffId: person.id })).then(setActionError);
  };
  const create = async (values: StaffFormValues) => {
    const failed = await list.run(() => call('staff.create', values));
    setCreated(failed ? null : values.name);
    return failed;
  };

  return (
    <main className="settings staff-screen">
      <h1>{t('staff.title')}</h1>
      {list.error && <ErrorAlert error={list.error} />}
      {actionError && <ErrorAlert error={actionError} />}
      {editing && (
        <StaffEditor
          key={`${editing.kind}-${editing.person.id}`}
          editing={editing}
          list={list}
          onDone={(failed) => {
            setActionError(failed);
            setEditing(null);
          }}
        />
      )}
      <section aria-labelledby="staff-people">
        <h2 id="staff-people">{t('staff.people')}</h2>
        {list.people ? (
          <StaffTable people={list.people} busy={list.busy} onAction={act} />
        ) : (
          !list.error && <p className="muted">{t('app.loading')}</p>
        )}
      </section>
      <section aria-labelledby="staff-add">
        <h2 id="staff-add">{t('staff.add')}</h2>
        {created && (
          <p className="ok" role="status">
            {t('staff.created', { name: created })}
          </p>
        )}
        <StaffForm onSubmit={create} />
      </section>
      <IdleLockForm />
    </main>
  );
}
