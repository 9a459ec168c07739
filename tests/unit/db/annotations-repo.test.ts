import { describe, expect, it } from 'vitest';
import { ANNOTATION_TABLES, allAnnotations, deleteAnnotation, getAnnotation, saveAnnotation, writeAnnotationIn, writeExplanationIn } from '../../../src/db/annotations-repo';
import { putStories } from '../../../src/db/stories-repo';
import { makeStory, storyId, T0 } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';
import { SIGNED_IN } from '../sync/fake-rest';

const db = useTestDb();

/** Tokens for makeStory's two sentences: 雨が降っています。 and 傘を持って出かけます。 */
const segments = [
  [{ surface: '雨', reading: 'あめ' }, { surface: 'が' }, { surface: '降っています', reading: 'ふっています', base: '降る' }, { surface: '。' }],
  [{ surface: '傘', reading: 'かさ' }, { surface: 'を' }, { surface: '持って', reading: 'もって' }, { surface: '出かけます。' }],
];
const annotation = (updatedAt: number, more = {}) => ({ storyId: storyId(1), segments, updatedAt, ...more });

describe('annotations repo', () => {
  it('stores a story’s words in their own row and leaves the story row alone', async () => {
    await putStories([makeStory(1)]);
    const story = await db().stories.get(storyId(1));
    expect(await saveAnnotation(annotation(T0))).toEqual({ saved: true, repairedSegments: 0 });
    expect(await getAnnotation(storyId(1))).toEqual(annotation(T0));
    expect(await db().stories.get(storyId(1))).toEqual(story);
  });

  it('repairs tokens that do not add up before storing them', async () => {
    await putStories([makeStory(1)]);
    const broken = { storyId: storyId(1), segments: [[{ surface: '雨' }, { surface: '降っています。' }]], updatedAt: T0 };
    expect(await saveAnnotation(broken)).toEqual({ saved: true, repairedSegments: 1 });
    expect((await getAnnotation(storyId(1)))?.segments).toEqual([[{ surface: '雨' }, { surface: 'が' }, { surface: '降っています。' }], null]);
  });

  it('refuses a malformed row, a row for no stored story, and an older row than the stored one', async () => {
    await putStories([makeStory(1)]);
    expect(await saveAnnotation({ storyId: storyId(1), segments: 'nope', updatedAt: T0 })).toEqual({ saved: false, reason: 'invalid' });
    expect(await saveAnnotation({ ...annotation(T0), storyId: storyId(2) })).toEqual({ saved: false, reason: 'no-story' });
    await saveAnnotation(annotation(T0 + 10, { model: 'new' }));
    expect(await saveAnnotation(annotation(T0))).toEqual({ saved: false, reason: 'older' });
    expect((await getAnnotation(storyId(1)))?.model).toBe('new');
    expect(await saveAnnotation(annotation(T0, { model: 'job' }), { force: true })).toMatchObject({ saved: true });
    expect((await getAnnotation(storyId(1)))?.model).toBe('job');
  });

  it('lists only annotations whose story is still stored, and deletes one', async () => {
    await putStories([makeStory(1)]);
    await saveAnnotation(annotation(T0));
    await db().annotations.put({ ...annotation(T0), storyId: storyId(9) });
    expect((await allAnnotations()).map((a) => a.storyId)).toEqual([storyId(1)]);
    await deleteAnnotation(storyId(1));
    expect(await getAnnotation(storyId(1))).toBeUndefined();
  });

  it('stores an explanation with the story’s words, keeps it when newer tokens arrive, and creates the row for a story with none', async () => {
    await putStories([makeStory(1), makeStory(2)]);
    await saveAnnotation(annotation(T0));
    const note = { text: 'が marks the subject.', updatedAt: T0 + 5 };
    expect(await writeExplanationIn(db(), storyId(1), 0, note)).toMatchObject({ saved: true });
    await saveAnnotation(annotation(T0 + 100, { model: 'newer' }));
    const stored = await getAnnotation(storyId(1));
    expect(stored?.model).toBe('newer');
    expect(stored?.explanations).toEqual({ 0: note });
    expect(await writeExplanationIn(db(), storyId(2), 1, note)).toMatchObject({ saved: true });
    expect(await getAnnotation(storyId(2))).toMatchObject({ segments: [null, null], explanations: { 1: note } });
    expect(await writeExplanationIn(db(), storyId(7), 0, note)).toEqual({ saved: false, reason: 'no-story' });
  });

  it('queues a written row for sync in the same transaction, only while signed in, never a sample’s', async () => {
    await putStories([makeStory(1), makeStory(2, { source: 'sample' })]);
    await db().outbox.clear(); // the stories' own rows
    await saveAnnotation(annotation(T0));
    expect(await db().outbox.count()).toBe(0); // signed out: a local-only library pays nothing
    await db().syncState.put(SIGNED_IN);
    await saveAnnotation(annotation(T0 + 1));
    await saveAnnotation({ ...annotation(T0), storyId: storyId(2) });
    await writeExplanationIn(db(), storyId(2), 0, { text: 'A sample’s note stays here.', updatedAt: T0 });
    expect((await db().outbox.toArray()).map((r) => [r.table, r.rowKey, r.deleted])).toEqual([['annotations', storyId(1), false]]);
    await db().outbox.clear();
    await saveAnnotation(annotation(T0)); // older: nothing written, nothing queued
    expect(await db().outbox.count()).toBe(0);
  });

  it('keeps the jobs’ contract: `tables: [...ANNOTATION_TABLES]` and writeAnnotationIn(tx) in the completing transaction', async () => {
    await putStories([makeStory(1)]);
    await db().syncState.put(SIGNED_IN);
    const result = await db().transaction('rw', ['jobs', 'drafts', ...ANNOTATION_TABLES], (tx) => writeAnnotationIn(tx, annotation(T0), { force: true }));
    expect(result).toEqual({ saved: true, repairedSegments: 0 });
    expect((await db().outbox.toArray()).map((r) => r.id)).toContain(`annotations:${storyId(1)}`);
  });
});
