import { describe, expect, it } from 'vitest';
import { getDb } from '../../../src/db/database';
import { KEY_IN_TEXT, StoryJobParamsSchema } from '../../../src/domain/job';
import { containsCredential } from '../../../src/domain/secrets';
import { enqueue } from '../../../src/jobs/enqueue';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { useTestDb } from '../../support/test-db';

useTestDb();

const KEY = mintFakeGoogleKey();
// A JWT-shaped token (header `{"alg":"HS256","typ":"JWT"}`), like a Supabase access token or anon key.
/** A JWT-shaped string built at run time (header.payload.signature, base64url), never committed. */
const b64 = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
const JWT = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ role: 'anon' })}.${b64({ sig: crypto.randomUUID() })}`;

describe('containsCredential', () => {
  it('finds a Google API key or a JWT anywhere in the text', () => {
    expect(containsCredential(KEY)).toBe(true);
    expect(containsCredential(`a story about ${KEY} please`)).toBe(true);
    expect(containsCredential(`token: ${JWT}`)).toBe(true);
    // Same answer twice: the shared global regexes keep no state between calls.
    expect(containsCredential(KEY)).toBe(true);
  });

  it('leaves ordinary topics alone, prose about keys included', () => {
    for (const text of ['A day at the beach', 'The lost key=door mystery', 'A bearer of good news', 'AIza is not a word', '猫の鍵']) {
      expect(containsCredential(text)).toBe(false);
    }
  });
});

describe('story params', () => {
  const params = { topic: 'A morning walk', level: 'N5', length: 'short', instructions: '' } as const;

  it('refuse a key in the topic or the instructions with the plain message', () => {
    for (const bad of [{ ...params, topic: `walk ${KEY}` }, { ...params, instructions: `key: ${JWT}` }]) {
      const result = StoryJobParamsSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([KEY_IN_TEXT]);
    }
    expect(StoryJobParamsSchema.safeParse(params).success).toBe(true);
  });

  it('are refused at enqueue, so no way in stores the key', async () => {
    await expect(enqueue('story', { ...params, topic: `walk ${KEY}` })).rejects.toThrow();
    expect(await getDb().jobs.count()).toBe(0);
    const stored = JSON.stringify(await getDb().jobs.toArray());
    expect(stored).not.toContain(KEY);
  });
});
