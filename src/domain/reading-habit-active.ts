/**
 * Active reading time (issue 15): time counts while the story is visible and the learner acted
 * recently. Every activity (a scroll, a tap, a key, narration playing) stamps `lastActivity`; the
 * time since the last stamp counts, but never more than IDLE_CAP_MS of it: a learner who walked
 * away with the story open is credited one cap, not the hour. Hidden time never counts.
 *
 * A pure state machine over timestamps; the Reader's controller (src/ui/reader/reading-activity.ts)
 * feeds it events and writes the credits it returns.
 */
export const IDLE_CAP_MS = 60_000;

export interface ActiveState {
  visible: boolean;
  lastActivity: number;
  /** Time before this instant is already credited (or was idle). */
  accountedUntil: number;
}

/** An interval of active reading [from, to). */
export interface Credit {
  from: number;
  to: number;
}

export function startActive(now: number, visible: boolean): ActiveState {
  return { visible, lastActivity: now, accountedUntil: now };
}

/** Credits what is due up to `now` (capped after the last activity) without recording an activity. */
export function settle(state: ActiveState, now: number, cap = IDLE_CAP_MS): { state: ActiveState; credit: Credit | null } {
  if (!state.visible) return { state, credit: null };
  // A clock that jumped backwards credits nothing and starts over from the new time.
  if (now < state.accountedUntil || now < state.lastActivity) return { state: { ...state, lastActivity: now, accountedUntil: now }, credit: null };
  const end = Math.min(now, state.lastActivity + cap);
  if (end <= state.accountedUntil) return { state, credit: null };
  return { state: { ...state, accountedUntil: end }, credit: { from: state.accountedUntil, to: end } };
}

/** The learner acted at `now`: what was due is credited, and idle time past the cap is skipped. */
export function activity(state: ActiveState, now: number, cap = IDLE_CAP_MS): { state: ActiveState; credit: Credit | null } {
  if (!state.visible) return { state, credit: null };
  const settled = settle(state, now, cap);
  return { state: { ...settled.state, lastActivity: now, accountedUntil: Math.max(settled.state.accountedUntil, now) }, credit: settled.credit };
}

/** The story left the screen (or came back): hidden time never counts; coming back is an activity. */
export function visibility(state: ActiveState, now: number, visible: boolean, cap = IDLE_CAP_MS): { state: ActiveState; credit: Credit | null } {
  if (visible === state.visible) return visible ? activity(state, now, cap) : { state, credit: null };
  if (visible) return { state: startActive(now, true), credit: null };
  const settled = settle(state, now, cap);
  return { state: { ...settled.state, visible: false }, credit: settled.credit };
}
