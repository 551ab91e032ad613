import { z } from 'zod';

/**
 * The WebRTC signalling payloads relayed by the Socket.IO gateway. Every payload is checked
 * here before it is relayed: a peer must never be able to push an arbitrary blob (or a
 * megabyte of SDP) at the other side through the api.
 */
export const SIGNAL_LIMITS = {
  /** A real offer with audio+video and a few codecs is 3-10 KB; 32 KB leaves room, no more. */
  sdpChars: 32_768,
  candidateChars: 1_024,
  /** Socket.IO itself disconnects above this; the schemas refuse well below it with an ack. */
  frameBytes: 262_144,
} as const;

const callId = z.string().uuid();

export const CallRefSchema = z.object({ callId });
export const SdpSignalSchema = z.object({
  callId,
  sdp: z.object({
    type: z.enum(['offer', 'answer']),
    sdp: z.string().min(1).max(SIGNAL_LIMITS.sdpChars),
  }),
});
export const IceSignalSchema = z.object({
  callId,
  candidate: z.object({
    candidate: z.string().max(SIGNAL_LIMITS.candidateChars),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  }),
});
export const MediaStateSchema = z.object({ callId, audio: z.boolean(), video: z.boolean() });

/** What a peer sends through 'call:signal': an SDP description or an ICE candidate. */
export const ClientSignalSchema = z.discriminatedUnion('kind', [
  SdpSignalSchema.extend({ kind: z.literal('sdp') }),
  IceSignalSchema.extend({ kind: z.literal('ice') }),
]);
export type ClientSignal = z.infer<typeof ClientSignalSchema>;

export type SdpSignal = z.infer<typeof SdpSignalSchema>;
export type IceSignal = z.infer<typeof IceSignalSchema>;
export type MediaState = z.infer<typeof MediaStateSchema>;

/** Stable refusal codes of the live channel, sent over the acknowledgement. */
export const SIGNAL_ERROR_CODES = [
  'SIGNAL_PAYLOAD_INVALID',
  'SIGNAL_PAYLOAD_TOO_LARGE',
  'CALL_NOT_FOUND',
  'CALL_NOT_PARTICIPANT',
  'CALL_NOT_JOINED',
  'CALL_ENDED',
  'CALL_NOT_STARTED',
] as const;

/** Tells a too-large payload from a malformed one: both fail the schema, only one is a size issue. */
export function signalRefusal(
  issues: { code: string }[],
): 'SIGNAL_PAYLOAD_TOO_LARGE' | 'SIGNAL_PAYLOAD_INVALID' {
  return issues.some((issue) => issue.code === 'too_big')
    ? 'SIGNAL_PAYLOAD_TOO_LARGE'
    : 'SIGNAL_PAYLOAD_INVALID';
}
