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
