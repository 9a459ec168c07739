import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getMedia } from '../../db/media-repo';
import { listenForPlayerKeys, type PlayerCommand } from './player-keys';

/** `waiting`: playing along with a narration still being made, stopped at a sentence not stored yet. */
export type PlayerState = 'idle' | 'loading' | 'playing' | 'paused' | 'waiting';

/** Playback speeds offered (Settings allow 0.5–1.5). */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5] as const;

/** Performance marks the benchmark reads: Play pressed, and the first `playing` after it. */
export const PLAY_MARK = 'player:play';
export const PLAYING_MARK = 'player:playing';

/**
 * The Reader's narration player: plays a story's stored sentences (one WAV blob per segment) one
 * after another through a single <audio> element, from IndexedDB only, so it works offline. Each
 * blob becomes an object URL that is revoked when the next sentence starts or playback stops.
 * Removing the host (leaving the Reader, another route) stops playback.
 *
 * While narration is still arriving (`setArriving`), reaching a sentence not stored yet waits for
 * it ("waiting") and goes on when it lands, instead of stopping; and playback that stops before the
 * end keeps its place, so the next Play goes on from there rather than from sentence 1.
 */
export class NarrationPlayer implements ReactiveController {
  state: PlayerState = 'idle';
  /** Segment index being read (or paused on); -1 before the first Play. */
  current = -1;
  speed = 1;
  /** Segments that have audio, ascending. */
  available: readonly number[] = [];
  message = '';
  /** Sentences in the story. */
  total = 0;
  /** A narration job for this story is pending or running: missing sentences are on their way. */
  arriving = false;

  private storyId = '';
  private audio: HTMLAudioElement | null = null;
  private url: string | null = null;
  /** The segment whose blob the <audio> element holds. */
  private loaded = -1;
  /** Bumped by every start/stop, so a slow blob read for an older request is dropped. */
  private generation = 0;
  private markPending = false;
  private unlisten: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unlisten = listenForPlayerKeys(this);
  }

  hostDisconnected(): void {
    this.unlisten?.();
    this.stop();
    if (this.audio) this.audio.removeAttribute('src');
    this.audio = null;
  }

  /** Which story, and which of its sentences have audio (from a liveQuery of the media table). */
  setSource(storyId: string, available: readonly number[], total?: number): void {
    if (storyId !== this.storyId) {
      this.stop();
      this.current = -1;
      this.storyId = storyId;
      this.arriving = false;
    }
    this.available = [...available].sort((a, b) => a - b);
    this.total = Math.max(total ?? this.total, this.available.length);
    if (this.state === 'waiting' && this.available.includes(this.current)) void this.playFrom(this.current, false);
    this.host.requestUpdate();
  }

  setTotal(total: number): void {
    this.total = Math.max(total, this.available.length);
  }

  /** Whether narration is being made for this story; when it stops coming, waiting gives up. */
  setArriving(arriving: boolean): void {
    if (arriving === this.arriving) return;
    this.arriving = arriving;
    if (!arriving && this.state === 'waiting') void this.playFrom(this.current, false);
    this.host.requestUpdate();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    if (this.audio) {
      this.audio.defaultPlaybackRate = speed;
      this.audio.playbackRate = speed;
    }
    this.host.requestUpdate();
  }

  get hasAudio(): boolean {
    return this.available.length > 0;
  }

  toggle(): void {
    if (this.state === 'playing' || this.state === 'loading' || this.state === 'waiting') this.pause();
    else if (this.state === 'paused' && this.loaded === this.current && this.url) this.resume();
    else void this.playFrom(this.resumeIndex());
  }

  /** Where Play goes on from: the place it stopped, unless nothing is left there to hear. */
  private resumeIndex(): number {
    const first = this.available[0] ?? 0;
    if (this.current < 0) return first;
    return this.arriving || this.available.some((i) => i >= this.current) ? this.current : first;
  }

  pause(): void {
    this.generation++;
    this.audio?.pause();
    this.set('paused');
  }

  resume(): void {
    this.mark();
    void this.audio?.play().catch((error: unknown) => this.playFailed(error));
  }

  next(): void {
    const next = this.available.find((i) => i > this.current);
    if (next !== undefined) void this.playFrom(next);
  }

  previous(): void {
    const previous = [...this.available].reverse().find((i) => i < this.current);
    void this.playFrom(previous ?? this.available[0] ?? 0);
  }

  stop(): void {
    this.generation++;
    this.audio?.pause();
    this.revoke();
    this.set('idle');
  }

  /** Plays from the first sentence with audio at or after `index`, then on to the end. */
  async playFrom(index: number, fromUser = true): Promise<void> {
    const generation = ++this.generation;
    if (fromUser) this.mark();
    const target = this.available.find((i) => i >= index);
    if (this.arriving && index < this.total && target !== index) {
      // Narration is made in reading order: the sentence asked for is the next to arrive.
      this.current = index;
      this.set('waiting');
      return;
    }
    if (target === undefined) {
      // Keep the place: the next Play goes on from the first sentence not heard yet.
      if (index < this.total) this.current = index;
      this.stop();
      return;
    }
    this.current = target;
    this.set('loading');
    const row = await getMedia(this.storyId, 'audio', target);
    if (generation !== this.generation) return;
    if (!row) {
      // Deleted meanwhile ("delete media"): carry on with what is left.
      await this.playFrom(target + 1, false);
      return;
    }
    const audio = this.element();
    this.revoke();
    this.url = URL.createObjectURL(row.blob);
    this.loaded = target;
    audio.src = this.url;
    audio.defaultPlaybackRate = this.speed;
    audio.playbackRate = this.speed;
    try {
      await audio.play();
    } catch (error) {
      if (generation === this.generation) this.playFailed(error);
    }
  }

  private element(): HTMLAudioElement {
    if (this.audio) return this.audio;
    const audio = new Audio();
    audio.preload = 'auto';
    audio.addEventListener('playing', () => {
      if (this.markPending) {
        this.markPending = false;
        performance.mark(PLAYING_MARK);
      }
      this.message = '';
      this.set('playing');
    });
    audio.addEventListener('pause', () => {
      // Paused from outside (system media keys, another player): show it. The end of a sentence
      // also fires 'pause', right before 'ended', which moves on.
      if (!audio.ended && this.state === 'playing') this.set('paused');
    });
    audio.addEventListener('ended', () => {
      const next = this.current + 1;
      if (next < this.total) {
        void this.playFrom(next, false); // waits for it when it is still arriving
        return;
      }
      this.stop(); // the end of the story: the next Play starts from the beginning
      this.current = -1;
    });
    audio.addEventListener('error', () => {
      this.message = 'This sentence’s audio could not be played.';
      this.stop();
    });
    this.audio = audio;
    return audio;
  }

  private playFailed(error: unknown): void {
    const name = error instanceof Error ? error.name : '';
    if (name === 'AbortError') return; // a newer play() replaced this one
    this.message = name === 'NotAllowedError' ? 'The browser blocked playback: press Play.' : 'The audio could not be played.';
    this.set('paused');
  }

  private mark(): void {
    performance.clearMarks(PLAY_MARK);
    performance.clearMarks(PLAYING_MARK);
    performance.mark(PLAY_MARK);
    this.markPending = true;
  }

  private revoke(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
    this.loaded = -1;
  }

  private set(state: PlayerState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  run(command: PlayerCommand, index?: number): void {
    if (command === 'toggle') this.toggle();
    else if (command === 'next') this.next();
    else if (command === 'previous') this.previous();
    else if (index !== undefined) void this.playFrom(index);
  }
}
