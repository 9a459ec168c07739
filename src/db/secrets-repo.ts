import { getDb } from './database';

/**
 * The Gemini API key lives only here, on this device. Export, sync and job rows never read this
 * table; only the Gemini adapter's caller does, right before a request.
 */
export async function getApiKey(): Promise<string | null> {
  const row = await getDb().secrets.get('geminiApiKey');
  return row?.value ?? null;
}

export async function setApiKey(value: string, now = Date.now()): Promise<void> {
  await getDb().secrets.put({ key: 'geminiApiKey', value: value.trim(), updatedAt: now });
}

export async function removeApiKey(): Promise<void> {
  await getDb().secrets.delete('geminiApiKey');
}

/** `AIza…wxyz` → `AIza••••••••wxyz`: enough to recognise the key, not enough to use it. */
export function maskApiKey(key: string): string {
  if (key.length <= 8) return '•'.repeat(key.length);
  return `${key.slice(0, 4)}${'•'.repeat(8)}${key.slice(-4)}`;
}
