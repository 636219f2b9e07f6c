// The by-respondent view: interviews happen one person at a time, so every question for one
// official or one service user sits together, in interview (instrument) order, with a chip per
// respondent showing how far their interview got.
import { useValueStore } from "../../app/value-store";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { InstanceBlock } from "./instance-block";
import { instancesOf, progressOf } from "./model";
import { entriesForLevel, outlineOf } from "./outline";
import { useSheetNav } from "./sheet-nav";

interface Person {
  id: string;
  kind: "official" | "user";
  label: string;
  done: number;
  total: number;
}

export function RespondentView() {
  const { instrument, t, local, readOnly } = useChecklist();
  const nav = useSheetNav();
  const { respondent } = useValueStore(nav.store);
  const sections = outlineOf(instrument);
  const people: Person[] = useSheetSlice((state) =>
    (["official", "user"] as const).flatMap((kind) => {
      const entries = entriesForLevel(sections, kind);
      return instancesOf(kind, state).map((instance) => {
        const base = t(kind === "official" ? "officialLabel" : "userLabel", { n: String(instance.ordinal) });
        const mine = {
          ...state,
          products: [],
          respondents: state.respondents.filter((r) => r.id === instance.id),
        };
        const p = progressOf(entries, mine);
        return {
          id: instance.id ?? "",
          kind,
          label: instance.name ? `${base} (${instance.name})` : base,
          done: p.done,
          total: p.total,
        };
      });
    }),
  );
  if (people.length === 0) {
    return (
      <div class="notice notice--info" data-testid="respondent-view">
        <p>{t("navRespondentsNone")}</p>
        <button type="button" class="link-button" onClick={() => nav.go({}, "section-respondents")}>
          {t("navRespondentsGo")}
        </button>
      </div>
    );
  }
  const current = people.find((p) => p.id === respondent) ?? people[0];
  if (!current) return null;
  const entries = entriesForLevel(sections, current.kind);
  const instance = { id: current.id, ordinal: 0, name: "" };
  return (
    <section class="respondent-view" data-testid="respondent-view" aria-labelledby="respondent-view-title">
      <h2 id="respondent-view-title" class="visually-hidden">
        {t("navRespondentChoose")}
      </h2>
      <ul class="chips" aria-label={t("navRespondentChoose")}>
        {people.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              class={p.id === current.id ? "chip chip--current" : "chip"}
              aria-pressed={p.id === current.id}
              data-respondent={p.id}
              onClick={() => nav.go({ respondent: p.id }, "respondent-items")}
            >
              {p.label}{" "}
              <span class="chip__count">
                {t("navCount", { done: String(p.done), total: String(p.total) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <fieldset id="respondent-items" class="respondent-items sheet-part" disabled={readOnly} tabIndex={-1}>
        <p class="respondent-items__title">
          <strong>{current.label}</strong> · {t("navRespondentItems", { count: String(entries.length) })}
        </p>
        {entries.map((entry) => (
          <article key={entry.indicator.id} class="indicator" aria-labelledby={`rq-${entry.indicator.id}`}>
            <h3 class="indicator__question" id={`rq-${entry.indicator.id}`}>
              <span class="indicator__id">{entry.indicator.id}</span> {local(entry.indicator.question)}
            </h3>
            <InstanceBlock entry={entry} instance={instance} label="" />
          </article>
        ))}
      </fieldset>
    </section>
  );
}
