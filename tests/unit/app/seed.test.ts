import { describe, expect, it } from 'vitest';
import { seedSampleWordsOnce, seedSamplesOnce } from '../../../src/app/seed';
import { SAMPLE_ANNOTATIONS } from '../../../src/domain/samples/sample-annotations';
import { SAMPLE_STORIES } from '../../../src/domain/samples/sample-stories';
import { putStories } from '../../../src/db/stories-repo';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

describe('seedSamplesOnce', () => {
  it('seeds the samples with their words, once', async () => {
    expect(await seedSamplesOnce()).toBe(true);
    await seedSampleWordsOnce();
    expect(await db().stories.count()).toBe(SAMPLE_STORIES.length);
    expect(await db().annotations.toArray()).toEqual(expect.arrayContaining([...SAMPLE_ANNOTATIONS]));
    expect(await seedSamplesOnce()).toBe(false);
  });

  it('gives samples seeded by an older version their words, but not a sample the learner deleted', async () => {
    const [kept, ...deleted] = SAMPLE_STORIES;
    await putStories([kept!]);
    await db().syncState.put({ key: 'samples-seeded', value: 1 });
    expect(await seedSamplesOnce()).toBe(false);
    await seedSampleWordsOnce();
    expect((await db().annotations.toArray()).map((a) => a.storyId)).toEqual([kept!.id]);
    expect(await db().stories.bulkGet(deleted.map((s) => s.id))).toEqual(deleted.map(() => undefined));
  });

  it('never replaces words a sample already has', async () => {
    await seedSamplesOnce();
    await seedSampleWordsOnce();
    const own = { ...SAMPLE_ANNOTATIONS[0]!, model: 'annotated here', updatedAt: 99 };
    await db().annotations.put(own);
    await db().syncState.delete('sample-words-seeded');
    await seedSampleWordsOnce();
    expect(await db().annotations.get(own.storyId)).toEqual(own);
  });
});
