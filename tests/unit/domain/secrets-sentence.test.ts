import { afterEach, describe, expect, it } from 'vitest';
import { forgetRememberedSecrets, rememberSecret, scrubSecrets } from '../../../src/domain/secrets';
import { mintFakeGoogleKey } from '../../support/fake-key';

/**
 * A server's error text that quotes a key must read the same after redaction, minus the key: the
 * full stop after it, the words after it and the brackets around it are the learner's clue to what
 * went wrong ("… not valid. Please pass a valid API key.").
 */
afterEach(forgetRememberedSecrets);

const KEY = mintFakeGoogleKey();
/** A key of no known shape (a proxy's), removed only because it was remembered as the key in use. */
const PROXY_KEY = `proxy${crypto.randomUUID().replace(/-/g, '')}`;
const TOKEN = crypto.randomUUID().replace(/-/g, '');

describe('redaction inside a sentence', () => {
  it('keeps the rest of Google’s "API key not valid" sentence', () => {
    const text = `API key ${KEY} not valid. Please pass a valid API key.`;
    expect(scrubSecrets(text)).toBe('API key [redacted] not valid. Please pass a valid API key.');
    expect(scrubSecrets(text, [KEY])).toBe('API key [redacted] not valid. Please pass a valid API key.');
  });

  it('keeps the key’s parentheses and the full stop after them', () => {
    expect(scrubSecrets(`API key (${KEY}) not valid. Please pass a valid API key.`)).toBe(
      'API key ([redacted]) not valid. Please pass a valid API key.',
    );
    expect(scrubSecrets(`Rejected (key=${TOKEN}). Please pass a valid API key.`)).toBe(
      'Rejected (key=[redacted]). Please pass a valid API key.',
    );
  });

  it('keeps a full stop, question or exclamation mark that ends the sentence right after a value', () => {
    expect(scrubSecrets(`Sent key=${TOKEN}. Please pass a valid API key.`)).toBe('Sent key=[redacted]. Please pass a valid API key.');
    expect(scrubSecrets(`Was it token=${TOKEN}? Check it!`)).toBe('Was it token=[redacted]? Check it!');
    expect(scrubSecrets(`Sent key=${TOKEN}!`)).toBe('Sent key=[redacted]!');
    expect(scrubSecrets(`x-goog-api-key: ${TOKEN}. Please pass a valid API key.`)).toBe(
      'x-goog-api-key: [redacted]. Please pass a valid API key.',
    );
    expect(scrubSecrets(`Sent with Bearer ${TOKEN}. Sign in again.`)).toBe('Sent with Bearer [redacted]. Sign in again.');
  });

  it('still removes a dotted value whole (a JWT-like token after key=)', () => {
    const dotted = `${TOKEN}.${TOKEN}.${TOKEN}`;
    expect(scrubSecrets(`Sent key=${dotted}. Try again.`)).toBe('Sent key=[redacted]. Try again.');
  });

  it('keeps the word Bearer in an echoed Authorization header', () => {
    expect(scrubSecrets(`authorization: Bearer ${TOKEN} was refused.`)).toBe('authorization: Bearer [redacted] was refused.');
  });

  it('keeps typographic quotes and ellipses around a value', () => {
    expect(scrubSecrets(`The key “key=${TOKEN}” was refused…`)).toBe('The key “key=[redacted]” was refused…');
  });

  it('removes a remembered key of no known shape and keeps the sentence', () => {
    rememberSecret(PROXY_KEY);
    expect(scrubSecrets(`API key ${PROXY_KEY} not valid. Please pass a valid API key.`)).toBe(
      'API key [redacted] not valid. Please pass a valid API key.',
    );
  });
});
