/**
 * Gemini TTS answers raw PCM (`audio/L16;codec=pcm;rate=24000`: signed 16-bit little-endian mono,
 * despite RFC 2586 making L16 big-endian) or, on newer models, a WAV file. Browsers play neither raw
 * PCM nor know its rate, so PCM is wrapped in the canonical 44-byte RIFF/WAVE header here.
 */

export interface PcmFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

export type AudioMime = ({ format: 'pcm' } & PcmFormat) | { format: 'wav' };

const DEFAULT_PCM: PcmFormat = { sampleRate: 24_000, channels: 1, bitsPerSample: 16 };

/** What an inlineData mime type says about the bytes; undefined for a format this app cannot play. */
export function parseAudioMime(mime: string): AudioMime | undefined {
  const [type = '', ...rest] = mime.split(';').map((p) => p.trim());
  const base = type.toLowerCase();
  if (base === 'audio/wav' || base === 'audio/x-wav' || base === 'audio/wave' || base === 'audio/vnd.wave') return { format: 'wav' };
  if (base !== 'audio/l16' && base !== 'audio/pcm') return undefined;
  const params = new Map(
    rest.map((p) => {
      const [k = '', v = ''] = p.split('=');
      return [k.trim().toLowerCase(), v.trim()] as const;
    }),
  );
  const number = (key: string, fallback: number) => {
    const value = Number(params.get(key));
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    format: 'pcm',
    sampleRate: number('rate', DEFAULT_PCM.sampleRate),
    channels: number('channels', DEFAULT_PCM.channels),
    bitsPerSample: DEFAULT_PCM.bitsPerSample,
  };
}

const ascii = (view: DataView, at: number, text: string) => {
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
};

/** A WAV file: 44-byte header (format 1 = PCM) followed by the samples (a trailing partial frame is dropped). */
export function wrapPcmAsWav(pcm: Uint8Array, format: PcmFormat): Uint8Array<ArrayBuffer> {
  const blockAlign = format.channels * (format.bitsPerSample / 8);
  const dataBytes = pcm.length - (pcm.length % blockAlign);
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  ascii(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(view, 8, 'WAVE');
  ascii(view, 12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * blockAlign, true); // byte rate
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bitsPerSample, true);
  ascii(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  out.set(pcm.subarray(0, dataBytes), 44);
  return out;
}

export interface WavInfo extends PcmFormat {
  /** Bytes of sample data. */
  dataBytes: number;
  durationMs: number;
}

const tag = (view: DataView, at: number) =>
  String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));

/**
 * Reads a WAV file's format and length, walking its chunks (files may carry LIST or other chunks
 * before `data`). Undefined when the bytes are not a RIFF/WAVE file with fmt and data chunks.
 */
export function readWavInfo(bytes: Uint8Array): WavInfo | undefined {
  if (bytes.length < 44) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') return undefined;
  let format: PcmFormat | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data' && format) {
      // Streaming writers leave the size at 0 or 0xFFFFFFFF; the bytes that are there are the data.
      const dataBytes = size === 0 || body + size > bytes.length ? bytes.length - body : size;
      const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
      if (bytesPerSecond <= 0) return undefined;
      return { ...format, dataBytes, durationMs: Math.round((dataBytes / bytesPerSecond) * 1000) };
    }
    at = body + size + (size % 2); // chunks are word-aligned
  }
  return undefined;
}
