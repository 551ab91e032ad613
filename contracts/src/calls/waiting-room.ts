import { z } from 'zod';

/** A booth's walk-in queue during a fair: one per (fair, employer). */
export const BoothRefSchema = z.object({ fairId: z.string().uuid(), employerId: z.string().uuid() });
export type BoothRef = z.infer<typeof BoothRefSchema>;

export interface QueuePosition {
  fairId: string;
  employerId: string;
  employerName?: string;
  /** 1-based; null once called or removed. */
  position: number | null;
  size: number;
  estimatedWaitSeconds: number | null;
  /** The person's connection dropped; their place is kept until graceUntil. */
  away: boolean;
  graceUntil: string | null;
  callIn: { callId: string; expiresAt: string } | null;
  /**
   * The person's ticket (its order in line: a lower ticket stands ahead) and the line's version
   * this place was read at: with them the client follows the line's broadcast moves by itself.
   * Null ticket: no place (a call-in only).
   */
  ticket: number | null;
  version: number;
}

/**
 * One change of a booth's line, broadcast ONCE to everyone in it (the `queueRoom`), not a
 * message per member: each client works out its own place from it (`applyQueueMove`). Every
 * change adds 1 to the line's version, so a client that missed one sees the gap and asks again.
 */
export interface QueueMove {
  fairId: string;
  employerId: string;
  version: number;
  /** Tickets that left the line in this change (called in, left, place expired); [] for a join. */
  removed: number[];
  size: number;
  averageCallSeconds: number;
}

export interface QueueCalled {
  fairId: string;
  employerId: string;
  callId: string;
  expiresAt: string;
}

/**
 * The wait ahead of someone at `position`: everyone before them, at the booth's recent average
 * call length. An estimate the page labels as such (no source gives a figure).
 */
export function estimateWaitSeconds(position: number, averageCallSeconds: number): number {
  return Math.max(0, position - 1) * Math.max(0, Math.round(averageCallSeconds));
}

/** Exponential moving average of call lengths, so a booth's estimate follows its actual pace. */
export function nextAverage(previous: number, observed: number, weight = 0.3): number {
  return Math.round(previous * (1 - weight) + observed * weight);
}

/**
 * A place after one move of its line (`move.version` must be `place.version + 1`): everyone
 * who left ahead of the person moves them up by one; their own ticket among the removed ends
 * the place. Joins only lengthen the line behind.
 */
export function applyQueueMove(place: QueuePosition, move: QueueMove): QueuePosition {
  const moved = { ...place, version: move.version, size: move.size };
  if (place.position === null || place.ticket === null) return moved;
  const ticket = place.ticket;
  if (move.removed.includes(ticket))
    return { ...moved, position: null, estimatedWaitSeconds: null, away: false, graceUntil: null };
  const position = Math.max(1, place.position - move.removed.filter((t) => t < ticket).length);
  return { ...moved, position, estimatedWaitSeconds: estimateWaitSeconds(position, move.averageCallSeconds) };
}

/**
 * Brings a place up to date with the moves received so far, in version order whatever order
 * they arrived in (two api processes may publish two moves out of order). Moves at or below
 * the place's version are spent; `waiting` holds those beyond a gap, which the caller keeps
 * for the next call (and, if the gap stays open, answers by reading its places again).
 */
export function followQueue(
  place: QueuePosition,
  moves: QueueMove[],
): { place: QueuePosition; waiting: QueueMove[] } {
  const ahead = moves
    .filter(
      (m) => m.fairId === place.fairId && m.employerId === place.employerId && m.version > place.version,
    )
    .sort((a, b) => a.version - b.version);
  let current = place;
  let i = 0;
  for (; i < ahead.length; i++) {
    if (ahead[i].version === current.version) continue; // the same move twice
    if (ahead[i].version !== current.version + 1) break;
    current = applyQueueMove(current, ahead[i]);
  }
  return { place: current, waiting: ahead.slice(i).filter((m) => m.version > current.version) };
}
