// UI language: Indonesian by default, English on request. The choice is a device setting kept in
// idb-keyval (settings-store), and <html lang> follows it so screen readers pronounce the text right.
//
// The texts come in parts, so that each route downloads only the words it shows (issue #21: the
// assessor's first route must stay within 60 KiB gzip):
// - "core" (messages-id.ts): shell, login, the assessor's home and checklist. The Indonesian core is
//   in the entry chunk, so the usual first paint never waits for a dictionary.
// - "staff" (staff-id.ts): the supervisor and admin areas, loaded once a staff UI asks for it
//   (useStaffTexts, or preloadStaffTexts before the first render of a stored staff profile).
// English parts load only for those who choose English. The service worker precaches every chunk,
// so loading a part, or switching language, works offline. Invariant: a language is applied only
// once every part wanted so far is loaded for it, so a switch never shows raw keys.
import { createValueStore, useValueStore } from "../app/value-store";
import { type Language, loadLanguage, saveLanguage } from "../settings/settings-store";
import { type MessageKey, type Messages, messagesId } from "./messages-id";

export type { Language, MessageKey };

type Part = "core" | "staff";
type Texts = Partial<Messages>;

const loaders: Record<Language, Record<Part, () => Promise<Texts>>> = {
  id: {
    core: () => Promise.resolve(messagesId),
    staff: () => import("./staff-id").then((module) => module.staffMessagesId),
  },
  en: {
    core: () => import("./messages-en").then((module) => module.messagesEn),
    staff: () => import("./staff-en").then((module) => module.staffMessagesEn),
  },
};

/** Loaded parts per language (the core key lookup is first: most keys are there). */
const loaded: Record<Language, Partial<Record<Part, Texts>>> = { id: { core: messagesId }, en: {} };
const loading = new Map<string, Promise<void>>();
/** Parts the UI has asked for so far; a language switch loads all of them before applying. */
const wanted = new Set<Part>(["core"]);

function loadPart(language: Language, part: Part): Promise<void> {
  if (loaded[language][part]) return Promise.resolve();
  const id = `${language}:${part}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = loaders[language][part]().then(
      (texts) => {
        loaded[language][part] = texts;
        loading.delete(id);
        partsRevision.set(partsRevision.get() + 1);
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

function loadWanted(language: Language): Promise<void> {
  return Promise.all([...wanted].map((part) => loadPart(language, part))).then(() => undefined);
}

const languageStore = createValueStore<Language>("id");
/** Bumped when a part finishes loading, so screens waiting for it render again. */
const partsRevision = createValueStore(0);

function apply(language: Language): void {
  languageStore.set(language);
  document.documentElement.lang = language;
}

/** Called once before the first render, so the first paint is already in the chosen language. */
export async function initLanguage(): Promise<void> {
  const language = (await loadLanguage()) ?? "id";
  // A dictionary that cannot be loaded leaves the app in Indonesian rather than without text.
  apply(
    await loadWanted(language).then(
      () => language,
      () => "id" as const,
    ),
  );
}

/** Switches once the language's texts are there (at once for Indonesian's core). */
export function setLanguage(language: Language): void {
  void loadWanted(language).then(
    () => {
      apply(language);
      void saveLanguage(language);
    },
    (error: unknown) => console.warn("patuh: language", error),
  );
}

/**
 * Loads the staff texts in the current language (and marks them wanted for later switches).
 * Start-up awaits it for a stored staff profile, so a supervisor's first paint has its words.
 */
export function preloadStaffTexts(): Promise<void> {
  wanted.add("staff");
  const language = languageStore.get();
  return loadPart(language, "staff").catch((error: unknown) => {
    if (language === "id") throw error;
    // English staff texts missing: the Indonesian ones stand in rather than keys.
    return loadPart("id", "staff");
  });
}

/**
 * For the staff UI: true once the staff texts are loaded in the current language (the caller shows
 * a loading line until then). `needed` false (an assessor) asks for nothing.
 */
export function useStaffTexts(needed: boolean): boolean {
  const language = useValueStore(languageStore);
  useValueStore(partsRevision);
  const ready = !needed || loaded[language].staff !== undefined || loaded.id.staff !== undefined;
  if (needed && !ready)
    void preloadStaffTexts().catch((error: unknown) => console.warn("patuh: texts", error));
  return ready;
}

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

function lookup(language: Language, key: MessageKey): string {
  const parts = loaded[language];
  return (
    parts.core?.[key] ??
    parts.staff?.[key] ??
    // A part missing in English (failed to load) falls back to the Indonesian one; never expected
    // for a key whose part was not asked for (the staff UI waits for useStaffTexts).
    loaded.id.core?.[key] ??
    loaded.id.staff?.[key] ??
    key
  );
}

export function translate(language: Language, key: MessageKey, vars?: Record<string, string>): string {
  const template = lookup(language, key);
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function useI18n(): { language: Language; t: Translate } {
  const language = useValueStore(languageStore);
  return { language, t: (key, vars) => translate(language, key, vars) };
}
