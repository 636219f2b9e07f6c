// Shows the user's choice at once, before the edit's transaction commits and the live query brings
// the stored value back (Preact keeps controlled inputs at their prop value, so without this a tapped
// option would flicker off for a moment). A failed save drops the optimistic value again.
import { useEffect, useState } from "preact/hooks";

export function useOptimistic<T>(stored: T): [T, (value: T, save: () => Promise<boolean>) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  // By content: a live query hands over a new array on every emission, even an unrelated one.
  const signature = JSON.stringify(stored);
  useEffect(() => setPending(null), [signature]);
  const choose = (value: T, save: () => Promise<boolean>) => {
    setPending({ value });
    void save().then((ok) => {
      if (!ok) setPending(null);
    });
  };
  return [pending ? pending.value : stored, choose];
}
