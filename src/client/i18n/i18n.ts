// UI language: Indonesian by default, English on request. The choice is a device setting kept in
// idb-keyval (settings-store), and <html lang> follows it so screen readers pronounce the text right.
import { createValueStore, useValueStore } from "../app/value-store";
import { type Language, loadLanguage, saveLanguage } from "../settings/settings-store";
import { type MessageKey, type Messages, messagesId } from "./messages-id";

export type { Language, MessageKey };

// Indonesian is in the entry; English is loaded by those who choose it (most assessors never do),
// which keeps every route's first download ~7 KiB (gzip) smaller. The service worker precaches it,
// so switching works offline too.
const dictionaries: Partial<Record<Language, Messages>> = { id: messagesId };

async function dictionary(language: Language): Promise<Messages> {
  const loaded = dictionaries[language];
  if (loaded) return loaded;
  const { messagesEn } = await import("./messages-en");
  dictionaries.en = messagesEn;
  return messagesEn;
}

const languageStore = createValueStore<Language>("id");

function apply(language: Language): void {
  languageStore.set(language);
  document.documentElement.lang = language;
}

/** Called once before the first render, so the first paint is already in the chosen language. */
export async function initLanguage(): Promise<void> {
  const language = (await loadLanguage()) ?? "id";
  // A dictionary that cannot be loaded leaves the app in Indonesian rather than without text.
  apply(
    await dictionary(language).then(
      () => language,
      () => "id" as const,
    ),
  );
}

/** Switches once the language's texts are there (at once for Indonesian). */
export function setLanguage(language: Language): void {
  void dictionary(language).then(
    () => {
      apply(language);
      void saveLanguage(language);
    },
    (error: unknown) => console.warn("patuh: language", error),
  );
}

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

export function translate(language: Language, key: MessageKey, vars?: Record<string, string>): string {
  const template = (dictionaries[language] ?? messagesId)[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function useI18n(): { language: Language; t: Translate } {
  const language = useValueStore(languageStore);
  return { language, t: (key, vars) => translate(language, key, vars) };
}
