import { deflateSync } from 'node:zlib';

/**
 * Real bytes for the audio and image answers: the app decodes them (wraps PCM into WAV, shows the PNG
 * in <img>), so placeholders that are not valid media would only move the failure into e2e tests.
 */

export const TTS_SAMPLE_RATE = 24_000;
/** The mime type Gemini TTS models answer with: raw signed 16-bit little-endian mono PCM. */
export const PCM_MIME = `audio/L16;codec=pcm;rate=${TTS_SAMPLE_RATE}`;

/** A quiet sine (default 0.3 s of 440 Hz at 10 % of full scale) as s16le mono PCM. */
export function sinePcm(seconds = 0.3, hz = 440, sampleRate = TTS_SAMPLE_RATE): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 3277), i * 2);
  }
  return pcm;
}

/** The canonical 44-byte RIFF/WAVE header (PCM = 1, mono, 16-bit) followed by the samples. */
export function wavFile(pcm: Buffer, sampleRate = TTS_SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

// CRC-32 (IEEE 802.3, reflected 0xEDB88320) as PNG chunks require; written out rather than taken from
// zlib.crc32 so the test can check it against zlib's as an independent reference.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small truecolour PNG (8-bit RGB, no interlace) with a diagonal gradient so it is visibly an image. */
export function pngImage(width = 8, height = 8): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, filter 0, no interlace
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      const px = row + 1 + x * 3;
      raw[px] = Math.round((255 * x) / Math.max(1, width - 1));
      raw[px + 1] = Math.round((255 * y) / Math.max(1, height - 1));
      raw[px + 2] = 160;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The bytes the default answers carry; exported so tests can compare what the app stored. */
export const TTS_PCM = sinePcm();
export const TTS_WAV = wavFile(TTS_PCM);
export const IMAGE_PNG = pngImage();
