// UI language: Indonesian by default, English on request. The choice is a device setting kept in
// idb-keyval (settings-store), and <html lang> follows it so screen readers pronounce the text right.
import { createValueStore, useValueStore } from "../app/value-store";
import { type Language, loadLanguage, saveLanguage } from "../settings/settings-store";
import { messagesEn } from "./messages-en";
import { type MessageKey, type Messages, messagesId } from "./messages-id";

export type { Language, MessageKey };

const dictionaries: Record<Language, Messages> = { id: messagesId, en: messagesEn };

const languageStore = createValueStore<Language>("id");

function apply(language: Language): void {
  languageStore.set(language);
  document.documentElement.lang = language;
}

/** Called once before the first render, so the first paint is already in the chosen language. */
export async function initLanguage(): Promise<void> {
  apply((await loadLanguage()) ?? "id");
}

export function setLanguage(language: Language): void {
  apply(language);
  void saveLanguage(language);
}

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

export function translate(language: Language, key: MessageKey, vars?: Record<string, string>): string {
  const template = dictionaries[language][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function useI18n(): { language: Language; t: Translate } {
  const language = useValueStore(languageStore);
  return { language, t: (key, vars) => translate(language, key, vars) };
}
