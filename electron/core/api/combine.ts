/** `A | B | C` → `A & B & C`: the slices merged, so the result is checked against the whole contract. */
type Merged<U> = (U extends unknown ? (slice: U) => void : never) extends (slice: infer All) => void
  ? All
  : never;

/**
 * Merges each domain's slice of handlers into one map. Two slices answering the same method name
 * throw at start (an object spread would let the later one win without a word); assigning the result
 * to `Handlers` makes the compiler name any method no slice answers.
 */
export function combine<Slices extends readonly object[]>(...slices: Slices): Merged<Slices[number]> {
  const merged: Record<string, unknown> = {};
  for (const slice of slices) {
    for (const [name, handler] of Object.entries(slice)) {
      if (Object.hasOwn(merged, name))
        throw new Error(`Two handlers answer ${name}: each contract method belongs to one domain's slice`);
      merged[name] = handler;
    }
  }
  return merged as Merged<Slices[number]>;
}
