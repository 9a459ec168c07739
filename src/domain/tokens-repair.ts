import { isUsableReading, type Token, TokenSchema, TOKEN_LIMITS } from './tokens';

export type TokenRepairKind = 'invalid' | 'reading' | 'normalised' | 'gap' | 'overlap' | 'dropped';

/** What was changed and where (the token's index in the input), for Diagnostics and tests. */
export interface TokenRepair {
  kind: TokenRepairKind;
  index: number;
}

export interface RepairedTokens {
  /** Tokens whose surfaces concatenate to `jp` exactly, or null: too little of them fitted to keep. */
  tokens: Token[] | null;
  repairs: TokenRepair[];
}

/** Below this share of the sentence covered by the model's own tokens, the rest is guesswork: drop all. */
const MIN_COVERED = 0.5;

/** Compared without width, compatibility or whitespace differences (ＡＢＣ = ABC, "食べ ました" = 食べました). */
const loose = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');

/**
 * Makes a model's tokens add up to the sentence. Left to right, each token is matched where the
 * last one ended: exactly; or, failing that, allowing normalisation differences (then it takes the
 * sentence's own characters); or a little further on (the skipped text becomes a plain token); or
 * overlapping the previous one (trimmed to what is new). A token that fits nowhere is dropped, and
 * text no token covers becomes plain tokens, so the output always concatenates to `jp`.
 */
export function repairTokens(jp: string, raw: unknown): RepairedTokens {
  const repairs: TokenRepair[] = [];
  const input = parseEach(Array.isArray(raw) ? raw.slice(0, TOKEN_LIMITS.perSegment) : [], repairs);
  const out: Token[] = [];
  let pos = 0;
  let covered = 0;
  const gap = (end: number, index: number, kind: TokenRepairKind = 'gap') => {
    if (end <= pos) return;
    out.push({ surface: jp.slice(pos, end) });
    if (!/^\s+$/u.test(jp.slice(pos, end))) repairs.push({ kind, index });
    pos = end;
  };
  input.forEach(({ token, index }, i) => {
    if (/^\s/u.test(jp.slice(pos)) && !/^\s/u.test(token.surface)) gap(pos + (/^\s+/u.exec(jp.slice(pos))?.[0].length ?? 0), index);
    const fit = fitAt(jp, pos, token, input[i + 1]?.token);
    if (!fit) {
      repairs.push({ kind: 'dropped', index });
      return;
    }
    gap(fit.start, index);
    if (fit.kind) repairs.push({ kind: fit.kind, index });
    out.push(fit.token);
    covered += fit.token.surface.length;
    pos = fit.start + fit.token.surface.length;
  });
  gap(jp.length, input.length);
  if (covered < jp.replace(/\s+/gu, '').length * MIN_COVERED) return { tokens: null, repairs };
  return { tokens: out, repairs };
}

interface Fit {
  start: number;
  token: Token;
  kind?: TokenRepairKind;
}

function fitAt(jp: string, pos: number, token: Token, next: Token | undefined): Fit | undefined {
  const { surface } = token;
  if (jp.startsWith(surface, pos)) return { start: pos, token };
  const target = loose(surface);
  if (target) {
    // Shortest stretch of the sentence that reads the same once normalised (ｶﾞ is two units, ガ one).
    for (let n = 1; n <= Math.min(jp.length - pos, surface.length * 2 + 2); n++) {
      const text = jp.slice(pos, pos + n);
      if (loose(text) === target && !/\s$/u.test(text)) return { start: pos, token: { ...token, surface: text }, kind: 'normalised' };
    }
  }
  for (let k = surface.length - 1; k > 0; k--) {
    const rest = surface.slice(k);
    if (jp.slice(Math.max(0, pos - k), pos) === surface.slice(0, k) && jp.startsWith(rest, pos)) {
      // The reading described the whole surface; what is left of it has no reading we can trust.
      const { reading: _r, ...meaning } = token;
      return { start: pos, token: { ...meaning, surface: rest }, kind: 'overlap' };
    }
  }
  // An extra token the sentence does not have: the next one fits right here, so skip this one.
  if (next && jp.startsWith(next.surface, pos)) return undefined;
  const ahead = jp.indexOf(surface, pos);
  return ahead > pos ? { start: ahead, token } : undefined;
}

function parseEach(raw: readonly unknown[], repairs: TokenRepair[]): { token: Token; index: number }[] {
  const parsed: { token: Token; index: number }[] = [];
  raw.forEach((item, index) => {
    const result = TokenSchema.safeParse(item);
    if (!result.success) {
      repairs.push({ kind: 'invalid', index });
      return;
    }
    const token = result.data;
    for (const key of ['reading', 'baseReading'] as const) {
      if (token[key] !== undefined && !isUsableReading(token[key])) {
        delete token[key];
        repairs.push({ kind: 'reading', index });
      }
    }
    parsed.push({ token, index });
  });
  return parsed;
}
