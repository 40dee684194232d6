import { constants, deflateRawSync } from 'node:zlib';

/** Raw bytes compressed at a time. Bands this large lose nothing measurable to the fresh dictionary each one starts with. */
const BAND_BYTES = 1024 * 1024;

/**
 * A zlib stream (RFC 1950, what PDF's FlateDecode reads) compressed a band at a time as rows are
 * pushed, with Node's own zlib, so only one band of raw bytes and the compressed output are
 * ever held. Each band is raw deflate ended by a sync flush (byte-aligned, not final), so the
 * bands follow one another as one deflate stream; an empty final block and the Adler-32 of all
 * the bytes close it (the way pigz compresses in parts).
 */
export class BandDeflater {
  private readonly parts: Uint8Array[] = [Uint8Array.of(0x78, 0x9c)];
  private readonly band = new Uint8Array(BAND_BYTES);
  private filled = 0;
  private a = 1;
  private b = 0;

  push(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) {
      const take = Math.min(BAND_BYTES - this.filled, bytes.length - at);
      this.band.set(bytes.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === BAND_BYTES) this.flush();
    }
  }

  /** The whole zlib stream. */
  end(): Uint8Array {
    this.flush();
    // An empty block with BFINAL set (fixed Huffman codes), then the checksum, big-endian.
    const a = this.a;
    const b = this.b;
    this.parts.push(Uint8Array.of(0x03, 0x00, (b >>> 8) & 0xff, b & 0xff, (a >>> 8) & 0xff, a & 0xff));
    return Buffer.concat(this.parts);
  }

  private flush(): void {
    if (this.filled === 0) return;
    const band = this.band.subarray(0, this.filled);
    this.parts.push(deflateRawSync(band, { finishFlush: constants.Z_SYNC_FLUSH }));
    this.adler(band);
    this.filled = 0;
  }

  /** Adler-32 (RFC 1950), carried on from band to band; 5,552 bytes is the most that cannot overflow before the modulo. */
  private adler(bytes: Uint8Array): void {
    let { a, b } = this;
    for (let i = 0; i < bytes.length; ) {
      const end = Math.min(bytes.length, i + 5552);
      for (; i < end; i++) {
        a += bytes[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    this.a = a;
    this.b = b;
  }
}
