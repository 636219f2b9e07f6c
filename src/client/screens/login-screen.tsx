import { useRef, useState } from "preact/hooks";
import { useDocumentTitle } from "../app/use-document-title";
import { LanguageSwitch } from "../components/language-switch";
import { useI18n } from "../i18n/i18n";
import { useSession } from "../session/session";
import { useLogin } from "../session/use-login";
import { SecondFactorStep } from "./second-factor-step";

export function LoginScreen() {
  const { t } = useI18n();
  const { expired } = useSession();
  const { busy, error, stage, submit, submitCode, back } = useLogin();
  const [showPassword, setShowPassword] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t("loginTitle"));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(usernameRef.current?.value ?? "", passwordRef.current?.value ?? "");
  };
  const credentialsWrong = error?.key === "errorInvalidCredentials";

  if (stage === "code") {
    return (
      <div class="screen screen--login">
        <SecondFactorStep busy={busy} error={error} onSubmit={submitCode} onBack={back} />
        <LanguageSwitch />
      </div>
    );
  }

  return (
    <div class="screen screen--login">
      <h1 tabIndex={-1}>{t("loginTitle")}</h1>
      <p class="lead">{t("loginIntro")}</p>
      {expired && !error && (
        <p class="notice notice--info" role="status">
          {t("sessionExpired")}
        </p>
      )}
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
        <div class="field">
          <label for="login-username">{t("username")}</label>
          <input
            id="login-username"
            ref={usernameRef}
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            aria-invalid={credentialsWrong}
          />
        </div>
        <div class="field">
          <label for="login-password">{t("password")}</label>
          <input
            id="login-password"
            ref={passwordRef}
            name="password"
            // A spread, because Preact's input typings do not accept a "text" | "password" union.
            {...(showPassword ? { type: "text" as const } : { type: "password" as const })}
            autocomplete="current-password"
            required
            aria-invalid={credentialsWrong}
          />
        </div>
        <div class="field field--checkbox">
          <input
            id="login-show-password"
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.currentTarget.checked)}
          />
          <label for="login-show-password">{t("showPassword")}</label>
        </div>
        {error && (
          <p id="login-error" class="notice notice--error" role="alert" data-testid="login-error">
            {t(error.key, { code: error.code })}
          </p>
        )}
        <button type="submit" class="button button--primary button--block" disabled={busy}>
          {busy ? t("loginBusy") : t("loginSubmit")}
        </button>
      </form>
      <LanguageSwitch />
    </div>
  );
}
