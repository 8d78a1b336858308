import { en } from "./en";
import { fr } from "./fr";
import { type MessageKey, nl } from "./nl";

export type { MessageKey };
export type Language = "nl" | "en" | "fr";
export const languages: readonly Language[] = ["nl", "en", "fr"];
export const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en, fr };
/** The BCP 47 locale used with Intl for each language (Belgian conventions). */
export const locales: Record<Language, string> = { nl: "nl-BE", en: "en-BE", fr: "fr-BE" };

const storageKey = "makermap.language";
let current: Language = "nl";
const listeners = new Set<() => void>();

/** Replaces each `{name}` in a message by its parameter. */
export function interpolate(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message for `key` in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(catalogues[current][key] ?? nl[key], params);
}

export function language(): Language {
  return current;
}

export function locale(): string {
  return locales[current];
}

/**
 * Dutch first: the remembered choice, else Dutch — unless the browser asks for French before any
 * Dutch (Brussels and Wallonia), since French is the other language people here read first.
 */
export function chooseInitialLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of browser) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === "nl") return "nl";
    if (base === "fr") return "fr";
  }
  return "nl";
}

export function initLanguage(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // storage can be unavailable (private mode); the language is then not remembered
  }
  current = chooseInitialLanguage(stored, navigator.languages ?? [navigator.language]);
  document.documentElement.lang = current;
}

export function setLanguage(next: Language): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // see initLanguage
  }
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
