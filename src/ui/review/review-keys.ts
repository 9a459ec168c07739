import type { ReviewRating } from '../../domain/review-log';

/** What a key press asks the Review page for (null: not the page's key). */
export type ReviewKeyAction = { kind: 'show' } | { kind: 'grade'; rating: ReviewRating } | { kind: 'undo' } | null;

/**
 * Space shows the answer, 1–4 grade, U or Ctrl/⌘+Z undoes the last grade. Keys typed into a field,
 * pressed with Alt, or composed by an IME are left alone; Space on a button or link is that control's.
 */
export function reviewKeyAction(event: KeyboardEvent): ReviewKeyAction {
  if (event.isComposing || event.altKey) return null;
  const target = event.composedPath()[0];
  if (event.defaultPrevented) return null;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [role=textbox], [role=combobox], [role=searchbox], dialog[open]'))) return null;
  const modified = event.ctrlKey || event.metaKey;
  if (modified) return event.key.toLowerCase() === 'z' && !event.shiftKey ? { kind: 'undo' } : null;
  if (event.key === ' ') return target instanceof HTMLElement && target.closest('button, a, audio, summary') ? null : { kind: 'show' };
  if (event.key === 'u' || event.key === 'U') return { kind: 'undo' };
  if (event.key >= '1' && event.key <= '4' && event.key.length === 1) return { kind: 'grade', rating: Number(event.key) as ReviewRating };
  return null;
}
