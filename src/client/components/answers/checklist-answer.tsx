// A `checklist` answer: tick the sub-items present. Nothing ticked yet is "not answered"; the first
// tick (or untick) answers it, and clearing returns it to "not answered".
import { useOptimistic } from "./use-optimistic";

interface ChecklistAnswerProps {
  name: string;
  legend: string;
  items: readonly { id: string; label: string }[];
  ticked: readonly string[] | null;
  onChange: (ticked: string[]) => Promise<boolean>;
  onClear: () => Promise<boolean>;
  clearLabel: string;
  noneLabel: string;
}

export function ChecklistAnswer({
  name,
  legend,
  items,
  ticked: stored,
  onChange,
  onClear,
  clearLabel,
  noneLabel,
}: ChecklistAnswerProps) {
  const [ticked, choose] = useOptimistic<readonly string[] | null>(stored);
  const set = new Set(ticked ?? []);
  const change = (next: string[]) => choose(next, () => onChange(next));
  const toggle = (id: string) => {
    const next = set.has(id) ? [...set].filter((x) => x !== id) : [...set, id];
    // Instrument order, so the stored array reads like the form.
    change(items.map((i) => i.id).filter((x) => next.includes(x)));
  };
  return (
    // data-stored: the ticks the device holds (the boxes may run ahead of it for a moment).
    <fieldset
      class="answer"
      data-key={name}
      data-answered={String(stored !== null)}
      data-stored={(stored ?? []).join(" ")}
    >
      <legend class="answer__legend">{legend}</legend>
      <div class="answer__options">
        {items.map((item) => (
          <label key={item.id} class="answer__option answer__option--check">
            <input
              type="checkbox"
              value={item.id}
              checked={set.has(item.id)}
              onChange={() => toggle(item.id)}
            />
            <span>{item.label}</span>
          </label>
        ))}
      </div>
      <div class="answer__row">
        {ticked === null && (
          <button type="button" class="answer__clear" data-action="none" onClick={() => change([])}>
            {noneLabel}
          </button>
        )}
        {ticked !== null && (
          <button type="button" class="answer__clear" onClick={() => choose(null, onClear)}>
            {clearLabel}
          </button>
        )}
      </div>
    </fieldset>
  );
}
