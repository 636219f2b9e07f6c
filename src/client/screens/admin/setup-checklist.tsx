// The admin home's setup checklist (GET /offices/{o}/setup): office → loci → units → users →
// instrument → scheme → period → sample → teams, each done or not, the next one marked, each with
// a link to the screen that does it.
import { adminApi } from "../../api/admin-api";
import { masterDataApi, type SetupStep } from "../../api/masterdata-api";
import { Link } from "../../components/link";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { LoadState, useLoad } from "./admin-kit";

const STEP: Record<SetupStep, { label: MessageKey; href: string }> = {
  office: { label: "setupStepOffice", href: "/admin/kantor" },
  loci: { label: "setupStepLoci", href: "/admin/data-induk" },
  units: { label: "setupStepUnits", href: "/admin/data-induk" },
  users: { label: "setupStepUsers", href: "/admin/data-induk" },
  instrument: { label: "setupStepInstrument", href: "/admin/instrumen" },
  scheme: { label: "setupStepScheme", href: "/admin/skema" },
  period: { label: "setupStepPeriod", href: "/admin/periode" },
  sample: { label: "setupStepSample", href: "/perencanaan" },
  teams: { label: "setupStepTeams", href: "/perencanaan" },
};

/** The checklist of the admin's own office (else the first office; with none, only "office" is next). */
export function SetupChecklist({ user }: { user: User }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const offices = await adminApi.offices();
    const office = offices.find((o) => o.id === user.officeId) ?? offices[0];
    if (!office) return { name: "", setup: undefined };
    return { name: office.name, setup: await masterDataApi.setup(office.id) };
  });
  const data = loaded.data;
  const steps =
    data?.setup?.steps ?? (Object.keys(STEP) as SetupStep[]).map((step) => ({ step, done: false, count: 0 }));
  const next = data?.setup ? data.setup.next : "office";
  return (
    <section class="card" aria-labelledby="setup-title" data-testid="setup-checklist">
      <h2 id="setup-title" class="card__title">
        {t("setupTitle")}
      </h2>
      <LoadState loaded={loaded} />
      {data && (
        <>
          {data.name && <p>{t("setupIntro", { office: data.name })}</p>}
          {next === null && <p class="notice">{t("setupAllDone")}</p>}
          <ol class="setup-steps">
            {steps.map((s) => {
              const state = s.done ? "done" : s.step === next ? "next" : "todo";
              return (
                <li
                  key={s.step}
                  class={`setup-step${state === "next" ? " setup-step--next" : ""}`}
                  data-step={s.step}
                  data-state={state}
                  aria-current={state === "next" ? "step" : undefined}
                >
                  <Link href={STEP[s.step].href}>{t(STEP[s.step].label)}</Link>
                  <span>
                    {state === "done"
                      ? `✓ ${t("setupDone")}`
                      : state === "next"
                        ? `→ ${t("setupNext")}`
                        : t("setupTodo")}
                    {s.count > 0 ? ` ${t("setupCount", { count: String(s.count) })}` : ""}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
