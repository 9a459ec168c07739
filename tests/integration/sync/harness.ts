import { afterEach } from 'vitest';
import type { Story } from '../../../src/domain/story';
import { putStories } from '../../../src/db/stories-repo';
import { makeStory } from '../../support/fixtures/library';
import type { SupabaseFront } from '../../support/supabase';
import { type SupabaseProject, useSupabaseProject } from '../../support/supabase-project';
import { type Device, newDevice } from '../../support/sync-devices';

/**
 * The shared Supabase set-up (one migrated Postgres per file, emptied before each test, a fresh front per
 * test) plus devices of the real sync code, closed after each test.
 */
export interface SyncProject extends SupabaseProject {
  device(name: string, front?: SupabaseFront): Promise<Device>;
  /** Device `name` of a new learner who wrote `stories` stories and synced them. */
  learnerWithLibrary(name: string, email: string, stories: number): Promise<Device>;
  /** Another device of an existing learner, signed in and synced once. */
  syncedDevice(name: string, email: string): Promise<Device>;
}

export function useSyncProject(): SyncProject {
  const project = useSupabaseProject();
  const devices: Device[] = [];
  // Registered after the project's hooks, so it runs before the front closes.
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
  });
  const device = async (name: string, on = project.front): Promise<Device> => {
    const d = await newDevice(on, name);
    devices.push(d);
    return d;
  };
  return {
    get db() {
      return project.db;
    },
    get front() {
      return project.front;
    },
    serverStories: project.serverStories,
    device,
    async learnerWithLibrary(name, email, stories) {
      const d = await device(name);
      await d.signUp(email);
      await d.on(() => putStories(library(stories)));
      await d.sync();
      return d;
    },
    async syncedDevice(name, email) {
      const d = await device(name);
      await d.signIn(email);
      await d.sync();
      return d;
    },
  };
}

export const library = (n: number, from = 1): Story[] => Array.from({ length: n }, (_, i) => makeStory(from + i));
