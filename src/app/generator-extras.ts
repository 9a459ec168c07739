/**
 * Which extras ("also narrate", "also illustrate") the generator starts with. Each costs paid Gemini
 * requests, so a box ticked for one story must not stay ticked for the next one unnoticed: the form
 * starts with both off unless the learner ticked "Remember for next time", and only then is the
 * choice kept, in this browser only (a device habit, like the window size, not a synced setting).
 */
export interface GeneratorExtras {
  narrate: boolean;
  illustrate: boolean;
}

const STORAGE_KEY = 'nm-generator-extras';

/** localStorage, or null where using it throws (some private modes, blocked storage). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The extras the learner asked to remember, or null (start with none). */
export function rememberedExtras(): GeneratorExtras | null {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const { narrate, illustrate } = raw as Record<string, unknown>;
    return { narrate: narrate === true, illustrate: illustrate === true };
  } catch {
    // Written by hand or by a broken version: start with none rather than guess.
    return null;
  }
}

/** Keeps `extras` for the next story, or (null) forgets any remembered choice. Never throws. */
export function rememberExtras(extras: GeneratorExtras | null): void {
  try {
    const store = storage();
    if (extras) store?.setItem(STORAGE_KEY, JSON.stringify(extras));
    else store?.removeItem(STORAGE_KEY);
  } catch {
    // Full or blocked storage: the choice is simply not remembered, as if the box were off.
  }
}
