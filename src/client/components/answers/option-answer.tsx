// One answer as a group of large radio options (scale_0_3 with its rubric, Ya/Sebagian/Tidak/Tidak
// Berlaku, Tidak pernah/Pernah/Tidak tahu). Native radios: keyboard, screen readers and one thumb
// all work without extra code.
import { useOptimistic } from "./use-optimistic";
export interface Option {
  /** The radio's value: the option's code, or its number as text for uncoded scales. */
  value: string;
  label: string;
  /** Compact rows (several respondents under one question): what the option shows ("2"); the
   * full label stays the radio's accessible name. */
  short?: string;
}

interface OptionAnswerProps {
  name: string;
  legend: string;
  options: readonly Option[];
  selected: string | null;
  onSelect: (value: string) => Promise<boolean>;
  onClear: () => Promise<boolean>;
  clearLabel: string;
  /** One row of small options, for instances answered under a question whose scale is shown once. */
  compact?: boolean;
}

export function OptionAnswer({
  name,
  legend,
  options,
  selected: stored,
  onSelect,
  onClear,
  clearLabel,
  compact = false,
}: OptionAnswerProps) {
  const [selected, choose] = useOptimistic(stored);
  return (
    // data-stored: the value the device holds (the checked radio may run ahead of it for a moment).
    <fieldset
      class={compact ? "answer answer--compact" : "answer"}
      data-key={name}
      data-answered={String(stored !== null)}
      data-stored={stored ?? ""}
    >
      <legend class="answer__legend">{legend}</legend>
      <div class="answer__options">
        {options.map((option) => (
          <label key={option.value} class="answer__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={selected === option.value}
              onChange={() => choose(option.value, () => onSelect(option.value))}
            />
            {compact && option.short !== undefined ? (
              <span>
                <span aria-hidden="true">{option.short}</span>
                <span class="visually-hidden">{option.label}</span>
              </span>
            ) : (
              <span>{option.label}</span>
            )}
          </label>
        ))}
      </div>
      {/* Always in place, hidden until there is an answer: the first answer then does not push the
          rest of the sheet down under the assessor's thumb (nor make the phone lay it all out). */}
      <button
        type="button"
        class={selected === null ? "answer__clear answer__clear--idle" : "answer__clear"}
        disabled={selected === null}
        onClick={() => choose(null, onClear)}
      >
        {clearLabel}
      </button>
    </fieldset>
  );
}
