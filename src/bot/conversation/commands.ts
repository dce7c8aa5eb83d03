/** The commands a person can type in the personal chat, in English or Polish. */
export type BotCommand = 'nextMeeting' | 'myActionItems' | 'reschedule' | 'help' | 'unknown';

/** Lower case, no mention markup, no diacritics (people often type Polish without them). */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const phrases: ReadonlyArray<readonly [BotCommand, readonly string[]]> = [
  ['nextMeeting', ['next meeting', 'next', 'when is my next meeting', 'nastepne spotkanie', 'kolejne spotkanie', 'nastepne']],
  ['myActionItems', ['my action items', 'action items', 'my tasks', 'tasks', 'moje zadania', 'zadania']],
  ['reschedule', ['reschedule', 'move meeting', 'zmien termin', 'przeloz', 'przeloz spotkanie', 'przenies spotkanie']],
  ['help', ['help', '?', 'pomoc', 'pomocy']],
];

export function parseCommand(text: string): BotCommand {
  const normalised = normaliseCommandText(text);
  if (normalised.length === 0) return text.trim() === '?' ? 'help' : 'unknown';
  for (const [command, list] of phrases) {
    if (list.includes(normalised)) return command;
  }
  return 'unknown';
}
