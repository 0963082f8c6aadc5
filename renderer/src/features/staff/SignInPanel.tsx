import { useState } from 'react';
import { PeopleTiles } from './PeopleTiles';
import { SecretEntry } from './SecretEntry';
import type { SessionPerson, SessionView } from './staff-api';

interface Props {
  people: SessionPerson[];
  onSignedIn: (view: SessionView) => void;
  onRefused: () => void;
}

/** Tap a name, then the PIN or password: the sign-in screen and the header's Switch both use this. */
export function SignInPanel({ people, onSignedIn, onRefused }: Props) {
  const [pickedId, setPickedId] = useState<string | null>(null);
  const picked = people.find((person) => person.id === pickedId) ?? null;
  if (!picked) return <PeopleTiles people={people} onPick={(person) => setPickedId(person.id)} />;
  return (
    <SecretEntry
      key={picked.id}
      person={picked}
      onSignedIn={onSignedIn}
      onRefused={onRefused}
      onBack={() => setPickedId(null)}
    />
  );
}
