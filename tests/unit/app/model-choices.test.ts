import { describe, expect, it } from 'vitest';
import { forgetApiKey, saveApiKey } from '../../../src/app/api-key';
import { storedModelChoices } from '../../../src/app/gemini-connection';
import { MODEL_LIST_KEY, readModelList, writeModelList } from '../../../src/db/model-list';
import { loadSettings, saveSettings } from '../../../src/db/settings-repo';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { useTestDb } from '../../support/test-db';

/** The model lists of the last successful "Test key", kept on the device for the Settings pickers. */
const db = useTestDb();

async function storeListFor(baseUrl: string): Promise<void> {
  await writeModelList({ baseUrl, text: ['gemini-2.5-flash', 'gemini-2.5-pro'], tts: ['gemini-2.5-flash-preview-tts'], image: [], at: 1 });
}

describe('stored model choices', () => {
  it('offers the stored list for the endpoint in use, and none before any test', async () => {
    expect(await storedModelChoices()).toBeNull();
    await storeListFor((await loadSettings()).geminiBaseUrl);
    expect(await storedModelChoices()).toEqual({ text: ['gemini-2.5-flash', 'gemini-2.5-pro'], tts: ['gemini-2.5-flash-preview-tts'], image: [] });
  });

  it('does not offer a list that came from another endpoint', async () => {
    await storeListFor((await loadSettings()).geminiBaseUrl);
    await saveSettings({ geminiBaseUrl: 'http://localhost:8080' });
    expect(await storedModelChoices()).toBeNull();
  });

  it('ignores a stored row it cannot read rather than offering junk', async () => {
    await db().syncState.put({ key: MODEL_LIST_KEY, value: { baseUrl: 'x', text: [1, 2] } });
    expect(await readModelList()).toBeNull();
    expect(await storedModelChoices()).toBeNull();
  });

  it('is forgotten with the key it was tested with', async () => {
    await saveApiKey(mintFakeGoogleKey());
    await storeListFor((await loadSettings()).geminiBaseUrl);
    await forgetApiKey();
    expect(await readModelList()).toBeNull();
  });
});
