import { describe, expect, it } from 'vitest';
import { parseAudioMime, readWavInfo, wrapPcmAsWav } from '../../../src/ai/wav';

// The canonical header for 24 kHz, mono, 16-bit PCM with 4 bytes (2 samples) of data, written out
// byte by byte rather than computed, so the test cannot share a mistake with the code.
const REFERENCE_HEADER = [
  0x52, 0x49, 0x46, 0x46, // "RIFF"
  0x28, 0x00, 0x00, 0x00, // RIFF size = 36 + 4 = 40
  0x57, 0x41, 0x56, 0x45, // "WAVE"
  0x66, 0x6d, 0x74, 0x20, // "fmt "
  0x10, 0x00, 0x00, 0x00, // fmt chunk size 16
  0x01, 0x00, // audio format 1 = PCM
  0x01, 0x00, // 1 channel
  0xc0, 0x5d, 0x00, 0x00, // sample rate 24000
  0x80, 0xbb, 0x00, 0x00, // byte rate 48000
  0x02, 0x00, // block align 2
  0x10, 0x00, // 16 bits per sample
  0x64, 0x61, 0x74, 0x61, // "data"
  0x04, 0x00, 0x00, 0x00, // data size 4
];

const FORMAT = { sampleRate: 24_000, channels: 1, bitsPerSample: 16 };

describe('wrapPcmAsWav', () => {
  it('writes the reference 44-byte header for 24 kHz mono 16-bit, then the samples', () => {
    const pcm = new Uint8Array([0x01, 0x02, 0xfe, 0xff]);
    const wav = wrapPcmAsWav(pcm, FORMAT);
    expect(wav.length).toBe(48);
    expect(Array.from(wav.subarray(0, 44))).toEqual(REFERENCE_HEADER);
    expect(Array.from(wav.subarray(44))).toEqual([0x01, 0x02, 0xfe, 0xff]);
  });

  it('sizes a longer file and drops a trailing half sample', () => {
    const wav = wrapPcmAsWav(new Uint8Array(48_001), FORMAT);
    const view = new DataView(wav.buffer);
    expect(wav.length).toBe(44 + 48_000);
    expect(view.getUint32(4, true)).toBe(36 + 48_000);
    expect(view.getUint32(40, true)).toBe(48_000);
  });

  it('round-trips through readWavInfo with the right duration', () => {
    const info = readWavInfo(wrapPcmAsWav(new Uint8Array(48_000 * 3), FORMAT));
    expect(info).toEqual({ ...FORMAT, dataBytes: 144_000, durationMs: 3_000 });
  });
});

describe('readWavInfo', () => {
  it('rejects bytes that are not a WAV file', () => {
    expect(readWavInfo(new Uint8Array(100))).toBeUndefined();
    expect(readWavInfo(new TextEncoder().encode('RIFF....WAVE'))).toBeUndefined();
  });

  it('skips chunks before data (e.g. LIST)', () => {
    const plain = wrapPcmAsWav(new Uint8Array(4_800), FORMAT);
    const list = new Uint8Array([0x4c, 0x49, 0x53, 0x54, 0x03, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63, 0x00]); // "LIST", 3 bytes + pad
    const withList = new Uint8Array(plain.length + list.length);
    withList.set(plain.subarray(0, 36));
    withList.set(list, 36);
    withList.set(plain.subarray(36), 36 + list.length);
    expect(readWavInfo(withList)).toMatchObject({ dataBytes: 4_800, durationMs: 100 });
  });
});

describe('parseAudioMime', () => {
  it('reads Gemini TTS PCM', () => {
    expect(parseAudioMime('audio/L16;codec=pcm;rate=24000')).toEqual({ format: 'pcm', sampleRate: 24_000, channels: 1, bitsPerSample: 16 });
  });

  it('reads other rates, spacing and case', () => {
    expect(parseAudioMime('audio/l16; rate=16000; channels=2')).toEqual({ format: 'pcm', sampleRate: 16_000, channels: 2, bitsPerSample: 16 });
    expect(parseAudioMime('audio/pcm')).toEqual({ format: 'pcm', sampleRate: 24_000, channels: 1, bitsPerSample: 16 });
    expect(parseAudioMime('audio/L16;rate=abc')).toMatchObject({ sampleRate: 24_000 });
  });

  it('passes WAV through and refuses what it cannot play', () => {
    expect(parseAudioMime('audio/wav')).toEqual({ format: 'wav' });
    expect(parseAudioMime('audio/x-wav')).toEqual({ format: 'wav' });
    expect(parseAudioMime('audio/mpeg')).toBeUndefined();
    expect(parseAudioMime('')).toBeUndefined();
  });
});
