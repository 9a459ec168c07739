import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getMedia } from '../../db/media-repo';
import { listenForPlayerKeys, type PlayerCommand } from './player-keys';

export type PlayerState = 'idle' | 'loading' | 'playing' | 'paused';

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
 */
export class NarrationPlayer implements ReactiveController {
  state: PlayerState = 'idle';
  /** Segment index being read (or paused on); -1 before the first Play. */
  current = -1;
  speed = 1;
  /** Segments that have audio, ascending. */
  available: readonly number[] = [];
  message = '';

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
  setSource(storyId: string, available: readonly number[]): void {
    if (storyId !== this.storyId) {
      this.stop();
      this.current = -1;
      this.storyId = storyId;
    }
    this.available = [...available].sort((a, b) => a - b);
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
    if (this.state === 'playing' || this.state === 'loading') this.pause();
    else if (this.state === 'paused' && this.loaded === this.current && this.url) this.resume();
    else void this.playFrom(this.current >= 0 ? this.current : (this.available[0] ?? 0));
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
    if (target === undefined) {
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
      const next = this.available.find((i) => i > this.current);
      if (next !== undefined) {
        void this.playFrom(next, false);
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
