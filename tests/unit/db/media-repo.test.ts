import { describe, expect, it } from 'vitest';
import { getMedia } from '../../../src/db/media-repo';
import { makeMedia, storyId } from '../../support/fixtures/library';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

/** A row as older versions wrote it: the blob typed with whatever label the model's part carried. */
function legacyPicture(index: number, type: string) {
  const row = makeMedia(storyId(1), 'image', index, 16);
  return { ...row, blob: new Blob([new Uint8Array(16)], { type }), mime: type };
}

describe('getMedia', () => {
  it('hands out stored PNG, JPEG and WebP pictures and audio', async () => {
    await db().media.bulkPut([
      legacyPicture(-1, 'image/png'),
      legacyPicture(0, 'image/jpeg'),
      legacyPicture(1, 'image/webp'),
      makeMedia(storyId(1), 'audio', 0, 16),
    ]);
    for (const index of [-1, 0, 1]) expect((await getMedia(storyId(1), 'image', index))?.index).toBe(index);
    expect((await getMedia(storyId(1), 'audio', 0))?.mime).toBe('audio/wav');
  });

  it('never hands out a picture whose type could be a document (an old row labelled SVG or HTML)', async () => {
    await db().media.bulkPut([legacyPicture(-1, 'image/svg+xml'), legacyPicture(0, 'text/html'), legacyPicture(1, '')]);
    for (const index of [-1, 0, 1]) expect(await getMedia(storyId(1), 'image', index)).toBeUndefined();
  });
});
