import { useState } from "preact/hooks";
import { type AdminUser, adminApi, type Office, type Role } from "../../api/admin-api";
import { errorWords, problemByField } from "../../form-kit/error-words";
import { ErrorSummary, Field, SaveCancel, type SummaryItem } from "../../form-kit/parts";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { AdminPage, Confirm, LoadState, ROLE_KEYS, StatusLine, useLoad } from "./admin-kit";

const ROLES: Role[] = ["assessor", "supervisor", "admin"];
const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
const MIN_PASSWORD = 10;

export function UsersScreen() {
  const { t } = useI18n();
  const users = useLoad(adminApi.users);
  const offices = useLoad(adminApi.offices);
  const [officeFilter, setOfficeFilter] = useState("");
  const [status, setStatus] = useState<string>();
  const shown = (users.data ?? []).filter((u) => officeFilter === "" || u.officeId === officeFilter);
  const done = (text: string) => {
    setStatus(text);
    users.reload();
  };
  return (
    <AdminPage title="adminUsersTitle">
      <StatusLine text={status} />
      <LoadState loaded={users} />
      {offices.data && (
        <div class="field">
          <label for="user-filter">{t("adminUserFilterOffice")}</label>
          <select
            id="user-filter"
            value={officeFilter}
            onChange={(e) => setOfficeFilter(e.currentTarget.value)}
          >
            <option value="">{t("adminUserAllOffices")}</option>
            {offices.data.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {users.data && (
        <ul class="admin-list">
          {shown.map((u) => (
            <UserRow key={u.id} user={u} offices={offices.data ?? []} onDone={done} />
          ))}
        </ul>
      )}
      {offices.data && (
        <CreateUser offices={offices.data} onCreated={(u) => done(t("adminUserUpdated", { name: u.name }))} />
      )}
    </AdminPage>
  );
}

type Mode = "view" | "edit" | "password" | "deactivate" | "second-factor";

function UserRow({
  user,
  offices,
  onDone,
}: {
  user: AdminUser;
  offices: Office[];
  onDone(text: string): void;
}) {
  const { t } = useI18n();
  const { user: me } = useSession();
  const [mode, setMode] = useState<Mode>("view");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const self = me?.id === user.id;
  const officeName = offices.find((o) => o.id === user.officeId)?.name ?? user.officeId;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      const text = await work();
      setMode("view");
      onDone(text);
    } catch (e) {
      setError(errorWords(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="admin-list__item card" data-testid={`user-${user.username}`}>
      <p class="card__title">
        {user.name} {self && <span>{t("adminYou")}</span>}
      </p>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t("adminUsername")}</dt>
          <dd>{user.username}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("adminUserRole")}</dt>
          <dd>{t(ROLE_KEYS[user.role])}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("adminUserOffice")}</dt>
          <dd>{officeName}</dd>
        </div>
      </dl>
      <p>
        <span class={user.active ? "admin-badge admin-badge--ok" : "admin-badge admin-badge--off"}>
          {user.active ? t("adminActive") : t("adminInactive")}
        </span>{" "}
        {user.secondFactor && <span class="admin-badge admin-badge--ok">{t("sfAdminBadge")}</span>}
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {mode === "view" && (
        <div class="button-row">
          <button type="button" class="button" onClick={() => setMode("edit")}>
            {t("adminEdit")}
          </button>
          <button type="button" class="button" onClick={() => setMode("password")}>
            {t("adminResetPassword")}
          </button>
          {user.secondFactor && (
            <button type="button" class="button" onClick={() => setMode("second-factor")}>
              {t("sfAdminReset")}
            </button>
          )}
          {user.active ? (
            !self && (
              <button type="button" class="button" onClick={() => setMode("deactivate")}>
                {t("adminDeactivate")}
              </button>
            )
          ) : (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await adminApi.updateUser(user.id, { active: true });
                  return t("adminActivated", { name: user.name });
                })
              }
            >
              {t("adminActivate")}
            </button>
          )}
        </div>
      )}
      {mode === "deactivate" && (
        <Confirm
          text={t("adminDeactivateConfirm", { name: user.name })}
          yes={t("adminDeactivate")}
          danger
          busy={busy}
          onNo={() => setMode("view")}
          onYes={() =>
            void run(async () => {
              await adminApi.updateUser(user.id, { active: false });
              return t("adminDeactivated", { name: user.name });
            })
          }
        />
      )}
      {mode === "second-factor" && (
        <Confirm
          text={t("sfAdminResetConfirm", { name: user.name })}
          yes={t("sfAdminReset")}
          danger
          busy={busy}
          onNo={() => setMode("view")}
          onYes={() =>
            void run(async () => {
              await adminApi.resetSecondFactor(user.id);
              return t("sfAdminResetDone", { name: user.name });
            })
          }
        />
      )}
      {mode === "password" && (
        <PasswordForm
          user={user}
          busy={busy}
          onCancel={() => setMode("view")}
          onSubmit={(password) =>
            void run(async () => {
              const r = await adminApi.resetPassword(user.id, password);
              return t("adminPasswordReset", { name: user.name, count: String(r.sessionsEnded) });
            })
          }
        />
      )}
      {mode === "edit" && (
        <EditUser
          user={user}
          offices={offices}
          self={self}
          busy={busy}
          onCancel={() => setMode("view")}
          onSubmit={(patch) =>
            void run(async () => {
              const saved = await adminApi.updateUser(user.id, patch);
              return t("adminUserUpdated", { name: saved.name });
            })
          }
        />
      )}
    </li>
  );
}

function PasswordForm({
  user,
  busy,
  onCancel,
  onSubmit,
}: {
  user: AdminUser;
  busy: boolean;
  onCancel(): void;
  onSubmit(password: string): void;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const id = `password-${user.id}`;
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (password.length < MIN_PASSWORD) {
          setError(t("adminUserPasswordHint"));
          document.getElementById(id)?.focus();
          return;
        }
        onSubmit(password);
      }}
    >
      <Field
        id={id}
        label={t("adminNewPassword", { name: user.name })}
        hint={t("adminUserPasswordHint")}
        error={error}
      >
        {(describedBy, invalid) => (
          <input
            id={id}
            type="text"
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <SaveCancel busy={busy} onCancel={onCancel} />
    </form>
  );
}

function EditUser({
  user,
  offices,
  self,
  busy,
  onCancel,
  onSubmit,
}: {
  user: AdminUser;
  offices: Office[];
  self: boolean;
  busy: boolean;
  onCancel(): void;
  onSubmit(patch: { name: string; role: Role; officeId: string }): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [officeId, setOfficeId] = useState(user.officeId);
  const [error, setError] = useState<string>();
  const base = `edit-${user.id}`;
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() === "") {
          setError(t("fkErrRequired"));
          document.getElementById(`${base}-name`)?.focus();
          return;
        }
        onSubmit({ name: name.trim(), role, officeId });
      }}
    >
      <Field id={`${base}-name`} label={t("adminUserName")} error={error}>
        {(describedBy, invalid) => (
          <input
            id={`${base}-name`}
            type="text"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field id={`${base}-role`} label={t("adminUserRole")}>
        {() => (
          <select
            id={`${base}-role`}
            value={role}
            disabled={self}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_KEYS[r])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${base}-office`} label={t("adminUserOffice")}>
        {() => (
          <select id={`${base}-office`} value={officeId} onChange={(e) => setOfficeId(e.currentTarget.value)}>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveCancel busy={busy} onCancel={onCancel} />
    </form>
  );
}

const CREATE_FIELDS = ["username", "name", "role", "officeId", "password"] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

function CreateUser({ offices, onCreated }: { offices: Office[]; onCreated(u: AdminUser): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<CreateField, string>>({
    username: "",
    name: "",
    role: "assessor",
    officeId: offices[0]?.id ?? "",
    password: "",
  });
  const [errors, setErrors] = useState<Partial<Record<CreateField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (field: CreateField) => (e: { currentTarget: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.currentTarget.value }));
  const fail = () => setGeneration((n) => n + 1);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Partial<Record<CreateField, string>> = {};
    if (!USERNAME.test(values.username.trim()))
      found.username = values.username.trim() === "" ? t("fkErrRequired") : t("adminUsernameHint");
    if (values.name.trim() === "") found.name = t("fkErrRequired");
    if (values.officeId === "") found.officeId = t("fkErrRequired");
    if (values.password.length < MIN_PASSWORD) found.password = t("adminUserPasswordHint");
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return fail();
    setBusy(true);
    try {
      const user = await adminApi.createUser({
        username: values.username.trim(),
        name: values.name.trim(),
        role: values.role as Role,
        officeId: values.officeId,
        password: values.password,
      });
      setValues((v) => ({ ...v, username: "", name: "", password: "" }));
      onCreated(user);
    } catch (e) {
      const problem = problemByField(t, e, CREATE_FIELDS);
      setErrors(problem.fields);
      setFormError(problem.form);
      fail();
    } finally {
      setBusy(false);
    }
  };
  const items: SummaryItem[] = [
    ...CREATE_FIELDS.flatMap((f) =>
      errors[f] ? [{ field: `user-${f}`, text: `${label(f)}: ${errors[f]}` }] : [],
    ),
    ...(formError ? [{ text: formError }] : []),
  ];
  function label(f: CreateField): string {
    const keys = {
      username: "adminUsername",
      name: "adminUserName",
      role: "adminUserRole",
      officeId: "adminUserOffice",
      password: "adminUserPassword",
    } as const;
    return t(keys[f]);
  }
  const input = (f: "username" | "name" | "password", hint?: string) => (
    <Field id={`user-${f}`} label={label(f)} hint={hint} error={errors[f]}>
      {(describedBy, invalid) => (
        <input
          id={`user-${f}`}
          type="text"
          value={values[f]}
          onInput={set(f)}
          autocomplete={f === "password" ? "new-password" : "off"}
          autocapitalize={f === "username" ? "none" : undefined}
          spellcheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          required
        />
      )}
    </Field>
  );
  return (
    <section class="card" aria-labelledby="user-create-title">
      <h2 id="user-create-title">{t("adminUserCreate")}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary items={items} generation={generation} />
        {input("username", t("adminUsernameHint"))}
        {input("name")}
        <Field id="user-role" label={label("role")} error={errors.role}>
          {(describedBy) => (
            <select id="user-role" value={values.role} onChange={set("role")} aria-describedby={describedBy}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(ROLE_KEYS[r])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="user-officeId" label={label("officeId")} error={errors.officeId}>
          {(describedBy, invalid) => (
            <select
              id="user-officeId"
              value={values.officeId}
              onChange={set("officeId")}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            >
              {offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input("password", t("adminUserPasswordHint"))}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t("fkSaving") : t("adminUserCreate")}
        </button>
      </form>
    </section>
  );
}
