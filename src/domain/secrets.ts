/**
 * The one place credentials are cut out of text. Every error text that can reach a job row, a log or
 * the screen passes through `scrubSecrets` (job engine, AI adapter, sync): a server message or URL
 * may echo a key or token back, and once written to IndexedDB or a log it is out of our hands.
 */

const REDACTED = '[redacted]';

/**
 * Characters that end a credential value. Besides whitespace, quotes (typographic ones too) and URL
 * separators this stops at closing brackets and sentence punctuation, so "(key=abc)" keeps its ")"
 * and "key=abc. Please pass a valid key." keeps its full stop: a redaction removes the secret, never
 * the sentence around it. A dot, "?" or "!" belongs to the value only when more value follows it (a
 * JWT's "a.b.c"), never when it ends the value. A value already redacted by an earlier pattern (or as
 * an exact secret) is left alone, so "key=[redacted]" does not become "key=[redacted]]", and neither
 * is the "Bearer [redacted]" an echoed Authorization header carries after the Bearer pattern ran.
 */
const VALUE_CHAR = String.raw`[^&\s"'#)\]}>,;.?!“”‘’…]`;
const VALUE = String.raw`(?!\[redacted\]|Bearer \[redacted\])${VALUE_CHAR}(?:${VALUE_CHAR}|[.?!](?=${VALUE_CHAR}))*`;
/** A bearer token's characters (RFC 6750), with the same rule for a dot that ends the sentence. */
const BEARER_TOKEN = String.raw`[A-Za-z0-9_~+/-](?:[A-Za-z0-9_~+/-]|\.(?=[A-Za-z0-9_~+/-]))*=*`;

/** Google API keys: "AIza" and a long run of key characters. */
const GOOGLE_KEY = /AIza[0-9A-Za-z_-]{8,}/g;
/** JWTs (Supabase access tokens, anon keys): three base64url segments, the first an encoded `{"`. */
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [GOOGLE_KEY, REDACTED],
  [JWT, REDACTED],
  [new RegExp(String.raw`\bBearer\s+${BEARER_TOKEN}`, 'gi'), `Bearer ${REDACTED}`],
  // Query or form parameters that carry credentials.
  [new RegExp(String.raw`\b((?:api[_-]?)?key|access_token|refresh_token|token|apikey)=${VALUE}`, 'gi'), `$1=${REDACTED}`],
  // JSON fields ("refresh_token":"…") and headers echoed back (x-goog-api-key: …).
  [
    new RegExp(String.raw`\b(x-goog-api-key|apikey|authorization|access_token|refresh_token)(["']?\s*:\s*["']?)${VALUE}`, 'gi'),
    `$1$2${REDACTED}`,
  ],
];

/**
 * Whether `text` holds something shaped like a key or token (a Google API key, a JWT), for text the
 * learner types that is stored and synced (a story's topic, instructions): it is refused there,
 * not redacted, since a silently edited topic would surprise. Only the two unmistakable shapes:
 * the `key=` / `Bearer` patterns would refuse ordinary prose about keys.
 */
export function containsCredential(text: string): boolean {
  // `search` ignores the patterns' global flag and lastIndex, so shared regexes stay stateless here.
  return text.search(GOOGLE_KEY) !== -1 || text.search(JWT) !== -1;
}

/** Below this an "exact secret" is too short to remove safely: it would shred ordinary words. */
const MIN_EXACT_SECRET = 4;

/** A learner changes keys rarely; a few are enough to cover the one in use and the one before. */
const MAX_REMEMBERED = 4;
const remembered: string[] = [];

/**
 * Makes `secret` (the learner's API key, read right before a call) one of the exact strings every
 * later `scrubSecrets` in this context removes. The job engine never sees the key, yet a handler's
 * error may quote it; a key of an unusual shape (a proxy's) would slip past the patterns alone.
 * Memory only: nothing about the key is written anywhere by this.
 */
export function rememberSecret(secret: string | undefined): void {
  if (secret === undefined || secret.length < MIN_EXACT_SECRET || remembered.includes(secret)) return;
  remembered.push(secret);
  if (remembered.length > MAX_REMEMBERED) remembered.shift();
}

/** For tests: forget what `rememberSecret` was told. */
export function forgetRememberedSecrets(): void {
  remembered.length = 0;
}

/**
 * Cuts credentials out of `text`: each of `exactSecrets` (e.g. the learner's API key) and of the
 * remembered secrets wherever it appears verbatim, then anything shaped like a credential. Never
 * truncates: see `scrubDetail`.
 */
export function scrubSecrets(text: string, exactSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  // Longest first: a secret containing another is removed whole, not left in pieces.
  const exact = [...exactSecrets, ...remembered].filter((s): s is string => s !== undefined).sort((a, b) => b.length - a.length);
  for (const secret of exact) {
    if (secret.length >= MIN_EXACT_SECRET) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Shortens `text` to at most `maxChars`, marking the cut with an ellipsis. */
export function truncateText(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, Math.max(0, maxChars - 1))}…` : text;
}

/**
 * For diagnostic details (a server's wording, a thrown value's message): redact first, then shorten,
 * so a cut can never leave half a secret that the patterns no longer recognise.
 */
export function scrubDetail(text: string, maxChars: number, exactSecrets: readonly (string | undefined)[] = []): string {
  return truncateText(scrubSecrets(text, exactSecrets), maxChars);
}
