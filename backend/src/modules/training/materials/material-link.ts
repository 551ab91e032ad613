import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A <video> or <iframe> cannot send the Authorization header, so the player asks for a short-lived
 * link signed for one material and one user; the content endpoint checks the signature only.
 */
export const MATERIAL_LINK_SECONDS = 3600;

function signature(secret: string, materialId: string, userId: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`course-material:${materialId}:${userId}:${expires}`)
    .digest('base64url');
}

export function signMaterialLink(secret: string, materialId: string, userId: string, now = Date.now()) {
  const expires = Math.floor(now / 1000) + MATERIAL_LINK_SECONDS;
  const s = signature(secret, materialId, userId, expires);
  return {
    url: `/api/training/materials/${materialId}/content?u=${userId}&e=${expires}&s=${s}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

export function verifyMaterialLink(
  secret: string,
  materialId: string,
  query: { u?: string; e?: string; s?: string },
  now = Date.now(),
): boolean {
  const expires = Number(query.e);
  if (!query.u || !query.s || !Number.isInteger(expires) || expires * 1000 < now) return false;
  const expected = Buffer.from(signature(secret, materialId, query.u, expires));
  const given = Buffer.from(query.s);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
