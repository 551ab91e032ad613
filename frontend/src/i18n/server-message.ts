// A full stop, then the Chinese sentence: the api words its messages "English. 中文。".
const LANGUAGE_BREAK = /\.\s+(?=[\u3400-\u9fff“（《])/g;

/**
 * The sentence of a bilingual api message in the user's language: the api writes the English
 * first and the Chinese after it. A message in one language only comes back whole.
 */
export function serverSentence(message: string, locale: string): string {
  const breaks = [...message.matchAll(LANGUAGE_BREAK)];
  const last = breaks.at(-1);
  if (last?.index === undefined) return message.trim();
  const english = message.slice(0, last.index + 1).trim();
  const chinese = message.slice(last.index + last[0].length).trim();
  return locale.startsWith('zh') ? chinese : english;
}

/** Whether the message carries both languages, so a sentence can be picked from it. */
export function isBilingual(message: string): boolean {
  return [...message.matchAll(LANGUAGE_BREAK)].length > 0;
}
