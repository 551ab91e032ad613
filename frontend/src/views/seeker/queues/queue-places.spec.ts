import type { QueueMove, QueuePosition } from '@platform/contracts/calls/waiting-room';
import { describe, expect, it } from 'vitest';
import { hasGap, receiveMove, resetPlaces, upsertPlace, type QueuePlaces } from './queue-places';

const FAIR = '00000000-0000-4000-8000-00000000000f';
const BOOTH = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';

function place(over: Partial<QueuePosition> = {}): QueuePosition {
  return {
    fairId: FAIR,
    employerId: BOOTH,
    employerName: '示例科技',
    position: 5,
    size: 9,
    estimatedWaitSeconds: 2400,
    away: false,
    graceUntil: null,
    callIn: null,
    ticket: 105,
    version: 40,
    ...over,
  };
}
const move = (version: number, removed: number[], over: Partial<QueueMove> = {}): QueueMove => ({
  fairId: FAIR,
  employerId: BOOTH,
  version,
  removed,
  size: 9 - removed.length,
  averageCallSeconds: 600,
  ...over,
});
const start = (...places: QueuePosition[]): QueuePlaces => ({ places, pending: [] });

describe('the seeker works out her place from the line’s broadcast moves', () => {
  it('moves up by one for each ticket ahead of hers that left, not for those behind', () => {
    let state = receiveMove(start(place()), move(41, [101]));
    expect(state.places[0]).toMatchObject({ position: 4, size: 8, estimatedWaitSeconds: 1800, version: 41 });
    state = receiveMove(state, move(42, [102, 109], { size: 6 }));
    expect(state.places[0]).toMatchObject({ position: 3, size: 6, estimatedWaitSeconds: 1200 });
    expect(hasGap(state)).toBe(false);
  });

  it('a newcomer lengthens the line behind her; a new average changes only her estimate', () => {
    let state = receiveMove(start(place()), move(41, [], { size: 10 }));
    expect(state.places[0]).toMatchObject({ position: 5, size: 10, estimatedWaitSeconds: 2400 });
    state = receiveMove(state, move(42, [], { size: 10, averageCallSeconds: 300 }));
    expect(state.places[0]).toMatchObject({ position: 5, estimatedWaitSeconds: 1200 });
  });

  it('puts moves that arrive out of order back in order, and ignores repeats and old ones', () => {
    let state = receiveMove(start(place()), move(42, [102]));
    expect(state.places[0].position).toBe(5); // 41 is missing: wait for it
    expect(hasGap(state)).toBe(true);
    state = receiveMove(state, move(41, [101]));
    expect(state.places[0]).toMatchObject({ position: 3, version: 42 });
    expect(hasGap(state)).toBe(false);
    state = receiveMove(state, move(42, [102]));
    state = receiveMove(state, move(40, [103]));
    expect(state.places[0]).toMatchObject({ position: 3, version: 42 });
  });

  it('a gap that stays open is closed by reading the places again; moves already in them are spent', () => {
    let state = receiveMove(start(place()), move(43, [103]));
    expect(hasGap(state)).toBe(true);
    state = resetPlaces(state, [place({ position: 4, version: 42 })]);
    expect(state.places[0]).toMatchObject({ position: 3, version: 43 });
    expect(hasGap(state)).toBe(false);
    state = resetPlaces(receiveMove(state, move(45, [104])), [
      place({ position: 2, ticket: 105, version: 46 }),
    ]);
    expect(state).toEqual({ places: [expect.objectContaining({ position: 2, version: 46 })], pending: [] });
    expect(hasGap(state)).toBe(false);
  });

  it('her own ticket among those that left ends her place; other lines’ moves are not hers', () => {
    const elsewhere = place({ employerId: OTHER, position: 2, ticket: 7, version: 3 });
    let state = receiveMove(start(place(), elsewhere), move(41, [105]));
    expect(state.places).toEqual([elsewhere]);
    state = receiveMove(state, move(41, [1], { employerId: '00000000-0000-4000-8000-0000000000b3' }));
    expect(state.places).toEqual([elsewhere]);
    expect(hasGap(state)).toBe(false);
  });

  it('applies a move that came before the answer to her join', () => {
    const state = upsertPlace(receiveMove(start(), move(41, [101])), place());
    expect(state.places[0]).toMatchObject({ position: 4, version: 41 });
  });

  it('keeps a move that comes before the places are read, and applies it if they are older', () => {
    let state = receiveMove(start(), move(41, [101]));
    expect(hasGap(state)).toBe(false);
    state = resetPlaces(state, [place()]);
    expect(state.places[0]).toMatchObject({ position: 4, version: 41 });
    expect(state.pending).toEqual([]);
  });

  it('a call-in or a place told outright replaces what was there; a place ended elsewhere goes', () => {
    const callIn = { callId: '00000000-0000-4000-8000-0000000000c1', expiresAt: '2026-12-06T10:00:00Z' };
    let state = upsertPlace(
      start(place()),
      place({ position: null, ticket: null, callIn, employerName: undefined }),
    );
    expect(state.places).toEqual([expect.objectContaining({ callIn, employerName: '示例科技' })]);
    state = receiveMove(state, move(41, [101]));
    expect(state.places[0].callIn).toEqual(callIn);
    expect(upsertPlace(start(place()), place({ position: null, ticket: null })).places).toEqual([]);
  });
});
