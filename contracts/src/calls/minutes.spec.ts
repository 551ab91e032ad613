import { describe, expect, it } from 'vitest';
import { allocateMinutes, billableMinutes, quotaStatus, sharedSeconds } from './minutes';
import { estimateWaitSeconds, nextAverage } from './waiting-room';
import { signalRefusal, ClientSignalSchema, SIGNAL_LIMITS } from './signalling';

const min = 60_000;

describe('interview minutes', () => {
  it('AS-28: after 290 used minutes a 30-minute call has 10 free minutes and the ledger shows 320', () => {
    expect(allocateMinutes(290, 30, 300)).toMatchObject({
      freeMinutes: 10,
      beyondQuotaMinutes: 20,
      usedAfter: 320,
    });
    // No charge is ever generated within the first 300 minutes.
    expect(allocateMinutes(0, 300, 300).beyondQuotaMinutes).toBe(0);
    expect(quotaStatus(320, 300)).toEqual({ quota: 300, used: 320, remaining: 0, exhausted: true });
  });

  it('bills only the time both sides were in the call, reconnects merged, per started minute', () => {
    const host = [{ from: 0, to: 30 * min }];
    // The seeker arrived 2 minutes late, blinked out for a minute, and rejoined twice over.
    const guest = [
      { from: 2 * min, to: 10 * min },
      { from: 11 * min, to: 20 * min },
      { from: 15 * min, to: 40 * min },
    ];
    expect(sharedSeconds(host, guest)).toBe(27 * 60);
    expect(billableMinutes(27 * 60 + 1)).toBe(28);
    expect(billableMinutes(0)).toBe(0);
  });
});

describe('waiting-room estimate', () => {
  it('waits the people ahead at the booth’s average pace, which follows the actual calls', () => {
    expect(estimateWaitSeconds(1, 600)).toBe(0);
    expect(estimateWaitSeconds(4, 600)).toBe(1800);
    expect(nextAverage(600, 300)).toBe(510);
  });
});

describe('signalling payloads', () => {
  it('tells an oversized SDP from a malformed one', () => {
    const callId = '00000000-0000-4000-8000-000000000000';
    const big = ClientSignalSchema.safeParse({
      kind: 'sdp',
      callId,
      sdp: { type: 'offer', sdp: 'a'.repeat(SIGNAL_LIMITS.sdpChars + 1) },
    });
    expect(big.success || signalRefusal(big.error.issues)).toBe('SIGNAL_PAYLOAD_TOO_LARGE');
    const bad = ClientSignalSchema.safeParse({ kind: 'sdp', callId, sdp: { type: 'pranswer', sdp: 'x' } });
    expect(bad.success || signalRefusal(bad.error.issues)).toBe('SIGNAL_PAYLOAD_INVALID');
  });
});
