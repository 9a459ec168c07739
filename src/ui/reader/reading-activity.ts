import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportPageFault } from '../../app/error-handlers';
import { whenPageShown } from '../../app/first-paint';
import type { DayDelta } from '../../app/reading-habit';
import type { ReadingProgress } from '../../domain/progress';
import { japaneseChars } from '../../domain/reading-habit';
import { type ActiveState, activity, type Credit, settle, startActive, visibility } from '../../domain/reading-habit-active';
import { localDay, splitByDay } from '../../domain/reading-habit-day';
import type { Story } from '../../domain/story';

/** The habit's code (day accounting, its rows) is not needed to draw the Reader. */
type ReadingHabitModule = typeof import('../../app/reading-habit');
let loadedHabit: ReadingHabitModule | undefined;
const loadHabit = (): Promise<ReadingHabitModule> =>
  import('../../app/reading-habit').then((habit) => {
    loadedHabit = habit;
    return habit;
  });

/** What the Reader shows now, read by the controller after each render. */
export interface ReadingSource {
  storyId: string;
  story: Story | undefined;
  progress: ReadingProgress | undefined;
  /** Narration is playing: the learner reads along without touching anything. */
  busy: boolean;
}

/** How often what was read is written to the day rows (and on hide, leaving, unload). */
export const FLUSH_EVERY_MS = 20_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * The Reader's part of the reading habit (issue 15), a lit ReactiveController:
 * - active time: scrolls, taps, keys (and narration playing) while the story is visible, idle time
 *   capped (src/domain/reading-habit-active.ts). An event only stamps a timestamp; the state machine
 *   runs on the flush timer, on hide and on leaving.
 * - characters read: the Japanese characters of the sentences the learner scrolled past in this
 *   visit (the reading position's first visible sentence, src/domain/progress.ts), not counting
 *   those already above the screen when the story opened; when the story becomes completed, the
 *   rest of its sentences.
 * - stories finished: the story becoming completed during this visit.
 * Each is credited to the local day it happened on (a session across midnight splits in two).
 */
export class ReadingActivity implements ReactiveController {
  private state: ActiveState = startActive(Date.now(), false);
  private stamp = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private pending = new Map<string, DayDelta>();
  private storyId = '';
  /** Sentences before this index are counted (or were read before this visit). */
  private counted = -1;
  private wasCompleted = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: () => ReadingSource,
  ) {
    host.addController(this);
  }

  private readonly onActivity = (): void => {
    this.stamp = Date.now();
  };

  private readonly onVisibility = (): void => {
    this.step(Date.now(), document.visibilityState === 'visible');
    if (document.visibilityState !== 'visible') this.flush();
  };

  private readonly onLeave = (): void => {
    this.step(Date.now(), false);
    this.flush();
  };

  hostConnected(): void {
    const now = Date.now();
    this.state = startActive(now, document.visibilityState === 'visible');
    this.stamp = now;
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, this.onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.onLeave);
    this.timer = setInterval(() => {
      this.step(Date.now());
      this.flush();
    }, FLUSH_EVERY_MS);
    // Loaded once the story is on screen, so a save as the tab closes (pagehide) does not wait for it.
    void whenPageShown().then(loadHabit).catch(() => undefined);
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, this.onActivity, { capture: true });
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.onLeave);
    clearInterval(this.timer);
    this.onLeave();
  }

  /**
   * The page moved the reader itself (a link to one sentence, `#s<N>`): the sentences jumped over
   * were not read, so counting starts again from there.
   */
  rebase(segment: number): void {
    const { storyId, progress } = this.source();
    this.storyId = storyId;
    this.counted = Math.max(0, segment);
    this.wasCompleted = progress?.storyId === storyId && progress.completed;
  }

  /** After each render: new sentences passed, the story completed. Cheap when nothing moved. */
  hostUpdated(): void {
    const { storyId, story, progress } = this.source();
    if (storyId !== this.storyId) {
      this.storyId = storyId;
      this.counted = -1;
    }
    if (!story || !progress || progress.storyId !== storyId) return;
    if (this.counted < 0) {
      // A finished story opens at the top, to be read again.
      this.counted = progress.completed ? 0 : progress.segmentIndex;
      this.wasCompleted = progress.completed;
      return;
    }
    const finished = progress.completed && !this.wasCompleted;
    const reached = finished ? story.content.length : Math.min(progress.segmentIndex, story.content.length);
    if (reached <= this.counted && !finished) return;
    let chars = 0;
    for (let i = this.counted; i < reached; i++) chars += japaneseChars(story.content[i]?.jp ?? '');
    this.counted = Math.max(this.counted, reached);
    this.wasCompleted = progress.completed;
    this.add(localDay(Date.now()), { activeMs: 0, chars, storiesFinished: finished ? 1 : 0 });
  }

  /** Runs the state machine up to `now`: the last stamped activity first, then what is due. */
  private step(now: number, visible = this.state.visible): void {
    if (this.source().busy) this.stamp = now;
    if (this.stamp > this.state.lastActivity) this.credit(activity(this.state, this.stamp));
    this.credit(settle(this.state, now));
    if (visible !== this.state.visible) this.credit(visibility(this.state, now, visible));
  }

  private credit(step: { state: ActiveState; credit: Credit | null }): void {
    this.state = step.state;
    if (!step.credit) return;
    for (const { day, ms } of splitByDay(step.credit.from, step.credit.to)) this.add(day, { activeMs: ms, chars: 0, storiesFinished: 0 });
  }

  private add(day: string, delta: DayDelta): void {
    const d = this.pending.get(day) ?? { activeMs: 0, chars: 0, storiesFinished: 0 };
    d.activeMs += delta.activeMs;
    d.chars += delta.chars;
    d.storiesFinished += delta.storiesFinished;
    this.pending.set(day, d);
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const deltas = this.pending;
    this.pending = new Map();
    const save = (habit: ReadingHabitModule) => habit.recordReading(deltas);
    (loadedHabit ? save(loadedHabit) : loadHabit().then(save)).catch((error: unknown) => reportPageFault('saving the reading habit', error));
  }
}
