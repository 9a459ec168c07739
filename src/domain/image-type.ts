/**
 * What kind of picture some bytes are, decided from the bytes alone (their magic numbers), never
 * from a label. A stored picture is shown through an object URL, and a blob's type is what the
 * browser believes: `image/svg+xml` (or `text/html`) opened as a same-origin URL can run script and
 * read the key. So only raster formats an <img> can show, and nothing that can carry script, are
 * stored: PNG, JPEG and WebP (DESIGN §10).
 */

export const STORABLE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type StorableImageType = (typeof STORABLE_IMAGE_TYPES)[number];

/** A prefix long enough for both functions below: a header is read without copying the picture. */
export const DESCRIBE_BYTES = 256;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
}

/** `image/png`, `image/jpeg` or `image/webp` when the bytes are one of those; otherwise undefined. */
export function sniffImageType(bytes: Uint8Array): StorableImageType | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  // RIFF container: "RIFF", a 4-byte size, then the form type "WEBP".
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  return undefined;
}

/** Whether a stored blob's type is one this app stores (older rows were stored with the part's label). */
export function isStorableImageType(type: string): type is StorableImageType {
  return (STORABLE_IMAGE_TYPES as readonly string[]).includes(type);
}

/** What the first bytes look like, for a failure message: "SVG", "HTML", or "an unknown format". */
export function describeImageBytes(bytes: Uint8Array): string {
  const head = new TextDecoder().decode(bytes.subarray(0, DESCRIBE_BYTES)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'SVG';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'HTML';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  return 'an unknown format';
}
