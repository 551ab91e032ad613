import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../../common/errors/app-error';

/**
 * Course content on disk, named by its sha256 (the same file uploaded twice is kept once).
 * A file is first written under tmp/ and renamed into place only when complete, so a broken
 * upload never leaves half a video where the player could find it.
 */
export class MaterialStore {
  private readonly root: string;

  constructor(
    dir: string,
    private readonly maxBytes: number,
  ) {
    this.root = resolve(dir);
  }

  async save(body: Readable): Promise<{ sha256: string; sizeBytes: number; head: Buffer }> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const maxBytes = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) {
          done(
            new AppError(
              'COURSE_MATERIAL_TOO_LARGE',
              `A course material is at most ${Math.round(maxBytes / 1048576)} MiB. 课程资料不能超过 ${Math.round(maxBytes / 1048576)} MiB。`,
              { maxBytes },
            ),
          );
          return;
        }
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tmp));
    } catch (error) {
      await rm(tmp, { force: true });
      // Drain what the client still sends so the connection can carry the error response.
      body.resume();
      throw error;
    }
    if (size === 0) {
      await rm(tmp, { force: true });
      throw new AppError('COURSE_MATERIAL_EMPTY', 'The file is empty. 文件为空。');
    }
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await rename(tmp, target);
    return { sha256, sizeBytes: size, head };
  }

  /** Removes a stored file that no row refers to (an upload refused after it was written). */
  async discard(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  open(sha256: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(sha256), range);
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

/** What the first bytes say the file is; a declared type that disagrees is refused. */
export function sniffContentType(head: Buffer): 'application/pdf' | 'video/mp4' | 'video/webm' | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'video/webm';
  return null;
}

/** Parses a single `bytes=` range against a file size; null when absent or unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return null;
  return { start, end };
}
