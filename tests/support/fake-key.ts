/**
 * A made-up key shaped like a Google API key ("AIza" + 35 characters), minted per run: tests of
 * scrubbing and masking need the real shape, and no key-like string is committed.
 */
export function mintFakeGoogleKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const bytes = crypto.getRandomValues(new Uint8Array(35));
  return `AIza${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}
