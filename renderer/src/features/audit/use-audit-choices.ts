import { useEffect, useState } from 'react';
import type { Result } from '../../../../shared/contract';
import { call } from '../../api/client';

export interface Choice {
  id: string;
  name: string;
}

export interface AuditChoices {
  actions: string[];
  people: Choice[];
  devices: Choice[];
}

/** Staff list calls go through here until `staff.*` is merged into the contract's `methods`. */
type StaffList = (name: 'staff.list', input: { includeDeleted: boolean }) => Promise<Result<Choice[]>>;

/**
 * What the filters offer: the actions the log holds, every person (deleted ones too: the log still
 * names them) and every device. A list the station will not give leaves that filter with "any" only.
 */
export function useAuditChoices(): AuditChoices {
  const [choices, setChoices] = useState<AuditChoices>({ actions: [], people: [], devices: [] });
  useEffect(() => {
    let current = true;
    const staffList = call as unknown as StaffList;
    void Promise.all([
      call('audit.listActions', {}),
      staffList('staff.list', { includeDeleted: true }),
      call('devices.list', {}),
    ]).then(([actions, people, devices]) => {
      if (!current) return;
      setChoices({
        actions: actions.ok ? [...actions.value].sort() : [],
        people: people.ok ? byName(people.value) : [],
        devices: devices.ok ? byName(devices.value) : [],
      });
    });
    return () => {
      current = false;
    };
  }, []);
  return choices;
}

function byName(list: Choice[]): Choice[] {
  return list.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
