import { type Language, setLanguage, useI18n } from "../i18n/i18n";

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const LANGUAGES: { code: Language; label: string }[] = [
  { code: "id", label: "Bahasa Indonesia" },
  { code: "en", label: "English" },
];

export function LanguageSwitch() {
  const { language, t } = useI18n();
  return (
    <fieldset class="language-switch">
      <legend class="language-switch__legend">{t("language")}</legend>
      <div class="language-switch__options">
        {LANGUAGES.map(({ code, label }) => (
          <button
            key={code}
            type="button"
            lang={code}
            class="button button--toggle"
            aria-pressed={language === code}
            onClick={() => setLanguage(code)}
          >
            {label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
