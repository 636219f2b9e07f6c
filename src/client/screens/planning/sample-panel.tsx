// A pemda's unit sample: how many units of each kind, an optional seed, "draw"; then the seed of
// the current sample (shown, so the draw can be repeated and checked) and a hand edit of its units.
import { useState } from "preact/hooks";
import { drawSample, editSample, type PlanPemda } from "../../api/planning-api";
import { useI18n } from "../../i18n/i18n";
import { kindWords } from "./planning-words";
import { ActionMessage, useAction } from "./use-action";

/** Kinds in the pemda with how many units each has, in first-seen order. */
function kindsOf(pemda: PlanPemda): { kind: string; available: number }[] {
  const counts = new Map<string, number>();
  for (const u of pemda.units) counts.set(u.kind, (counts.get(u.kind) ?? 0) + 1);
  return [...counts].map(([kind, available]) => ({ kind, available }));
}

/** Start from the last draw's mix, else one unit per kind (two Puskesmas when there are). */
function initialMix(pemda: PlanPemda): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const { kind, available } of kindsOf(pemda)) {
    const last = pemda.sample?.mix.find((m) => m.kind === kind)?.count;
    mix[kind] = last ?? Math.min(available, kind === "puskesmas" ? 2 : 1);
  }
  return mix;
}

interface Props {
  periodId: string;
  pemda: PlanPemda;
  disabled: boolean;
  onChanged(): void;
}

export function SamplePanel({ periodId, pemda, disabled, onChanged }: Props) {
  const { t } = useI18n();
  const [mix, setMix] = useState(() => initialMix(pemda));
  const [seed, setSeed] = useState("");
  const [picked, setPicked] = useState<string[] | null>(null);
  const draw = useAction(() => {
    setPicked(null);
    onChanged();
  });
  const edit = useAction(() => {
    setPicked(null);
    onChanged();
  });
  const kinds = kindsOf(pemda);
  const sample = pemda.sample;
  const inSample = picked ?? sample?.unitIds ?? [];

  if (pemda.units.length === 0) return <p class="notice notice--info">{t("planningNoUnits")}</p>;
  return (
    <section class="card planning__sample" aria-labelledby="planning-sample-title" data-testid="sample-panel">
      <h2 id="planning-sample-title" class="card__title">
        {t("planningSampleTitle")}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = seed.trim();
          const body = {
            mix: kinds.map(({ kind }) => ({ kind, count: mix[kind] ?? 0 })),
            ...(trimmed === "" ? {} : { seed: trimmed }),
          };
          draw.run(() => drawSample(periodId, pemda.id, body));
        }}
      >
        <fieldset class="planning__mix" disabled={disabled || draw.busy}>
          <legend>{t("planningMixLegend")}</legend>
          {kinds.map(({ kind, available }) => (
            <label key={kind} class="field planning__mix-row">
              <span class="field__label">
                {t("planningMixAvailable", { kind: kindWords(kind, t), count: String(available) })}
              </span>
              <input
                class="input planning__count"
                type="number"
                min={0}
                max={available}
                inputMode="numeric"
                data-kind={kind}
                value={mix[kind] ?? 0}
                onInput={(e) => {
                  const n = Number((e.currentTarget as HTMLInputElement).value);
                  setMix({ ...mix, [kind]: Number.isInteger(n) && n >= 0 ? n : 0 });
                }}
              />
            </label>
          ))}
          <label class="field">
            <span class="field__label">{t("planningSeedLabel")}</span>
            <input
              class="input"
              data-testid="seed-input"
              value={seed}
              maxLength={128}
              aria-describedby="planning-seed-hint"
              onInput={(e) => setSeed((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <p id="planning-seed-hint" class="field__hint">
            {t("planningSeedHint")}
          </p>
          <button type="submit" class="button button--primary">
            {t("planningDraw")}
          </button>
        </fieldset>
        <ActionMessage action={draw} />
      </form>
      {!sample && <p>{t("planningNoSample")}</p>}
      {sample && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            edit.run(() => editSample(periodId, pemda.id, inSample));
          }}
        >
          <p class="planning__seed" data-testid="sample-seed" data-seed={sample.seed}>
            {t("planningSeedShown", { seed: sample.seed })}
          </p>
          {sample.edited && <p class="field__hint">{t("planningSampleEdited")}</p>}
          <fieldset disabled={disabled || edit.busy}>
            <legend>{t("planningSampleEditLegend")}</legend>
            <ul class="planning__units" data-testid="sample-units">
              {pemda.units.map((u) => (
                <li key={u.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      data-unit={u.id}
                      checked={inSample.includes(u.id)}
                      onChange={(e) => {
                        const on = (e.currentTarget as HTMLInputElement).checked;
                        setPicked(on ? [...inSample, u.id] : inSample.filter((id) => id !== u.id));
                      }}
                    />
                    <span>
                      {u.name} · {kindWords(u.kind, t)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {picked && (
              <button type="submit" class="button">
                {t("planningSampleSave")}
              </button>
            )}
          </fieldset>
          <ActionMessage action={edit} />
        </form>
      )}
    </section>
  );
}
