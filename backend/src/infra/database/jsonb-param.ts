/**
 * A jsonb query parameter written straight into bytes and sent in PostgreSQL's binary jsonb
 * format (a version byte, 1, then the JSON text). For a large document assembled from many
 * pieces (a chunk's lines, each with its stored input slice): no concatenated string of the whole
 * document, no second pass of the driver to measure and encode it. Pieces are appended as text
 * the caller has already written as valid JSON.
 */
export class JsonbParam {
  private buffer: Buffer;
  private size = 1;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(Math.max(initialBytes, 16));
    this.buffer[0] = 1;
  }

  /** Empties it for the next document, keeping the bytes already allocated. */
  reset(): this {
    this.size = 1;
    return this;
  }

  append(text: string): this {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const needed = this.size + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.size);
      this.buffer = grown;
    }
    this.size += this.buffer.write(text, this.size, 'utf8');
    return this;
  }

  /** The parameter value (node-postgres sends a Buffer as a binary parameter). */
  value(): Buffer {
    return this.buffer.subarray(0, this.size);
  }

  /** The JSON text written so far. */
  text(): string {
    return this.buffer.toString('utf8', 1, this.size);
  }
}
