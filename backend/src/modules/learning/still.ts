import { LEARNING_STILL_MAX_BYTES } from '@platform/contracts';
import { createHash } from 'node:crypto';
import { AppError } from '../../common/errors/app-error';

const SIGNATURES: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** A webcam still as sent by the player: size-capped, and its bytes must be what its type says. */
export function decodeStill(image: { contentType: string; base64: string }): {
  contentType: string;
  bytes: Buffer;
  sha256: string;
} {
  const bytes = Buffer.from(image.base64, 'base64');
  if (bytes.length > LEARNING_STILL_MAX_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The still exceeds ${LEARNING_STILL_MAX_BYTES} bytes. 照片过大。`,
    );
  const signature = SIGNATURES[image.contentType];
  if (!signature || bytes.length < signature.length || signature.some((b, i) => bytes[i] !== b))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The still must be a JPEG or PNG image. 照片须为 JPEG 或 PNG。',
    );
  return { contentType: image.contentType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
