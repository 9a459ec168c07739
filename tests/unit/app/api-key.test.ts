import { describe, expect, it } from 'vitest';
import { API_KEY_MESSAGES, checkApiKeyInput, forgetApiKey, maskedApiKey, saveApiKey } from '../../../src/app/api-key';
import { getApiKey } from '../../../src/db/secrets-repo';
import { useTestDb } from '../../support/test-db';
import { mintFakeGoogleKey } from '../../support/fake-key';

useTestDb();
const KEY = mintFakeGoogleKey();

describe('checkApiKeyInput', () => {
  it('trims pasted spaces and refuses empty keys or keys with spaces inside', () => {
    expect(checkApiKeyInput(`  ${KEY}\n`)).toEqual({ ok: true, key: KEY });
    expect(checkApiKeyInput('   ')).toEqual({ ok: false, message: API_KEY_MESSAGES.empty });
    expect(checkApiKeyInput('AIza Sy')).toEqual({ ok: false, message: API_KEY_MESSAGES.spaces });
  });
});

describe('saveApiKey', () => {
  it('stores the key and hands back only the masked form', async () => {
    const saved = await saveApiKey(` ${KEY} `);
    expect(saved).toEqual({ ok: true, masked: `AIza••••••••${KEY.slice(-4)}` });
    expect(await getApiKey()).toBe(KEY);
    expect(await maskedApiKey()).toBe(`AIza••••••••${KEY.slice(-4)}`);
    await forgetApiKey();
    expect(await maskedApiKey()).toBeNull();
  });

  it('stores nothing when the input is refused', async () => {
    expect(await saveApiKey('')).toEqual({ ok: false, message: API_KEY_MESSAGES.empty });
    expect(await getApiKey()).toBeNull();
  });
});
