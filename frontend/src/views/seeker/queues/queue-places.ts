import { followQueue, type QueueMove, type QueuePosition } from '@platform/contracts/calls/waiting-room';

/**
 * The seeker's places, kept up to date from the lines' broadcasts: a booth's line sends one
 * `queue:move` per change to everyone in it, and each page works out its own place from it
 * (`followQueue`). Moves that arrive ahead of one still missing wait in `pending`; if the gap
 * does not close the page reads its places again (`queue:watch`).
 */
export interface QueuePlaces {
  places: QueuePosition[];
  /** Moves beyond a gap, per booth line, kept until the missing one arrives. */
  pending: QueueMove[];
}

export const placeKey = (p: { fairId: string; employerId: string }) => `${p.fairId}:${p.employerId}`;

/** A place was told outright (joining, a call-in, a place ended elsewhere): it replaces ours. */
export function upsertPlace(state: QueuePlaces, next: QueuePosition): QueuePlaces {
  const others = state.places.filter((p) => placeKey(p) !== placeKey(next));
  const previous = state.places.find((p) => placeKey(p) === placeKey(next));
  const merged = { ...next, employerName: next.employerName ?? previous?.employerName };
  const keep = next.position !== null || next.callIn !== null;
  // Moves that came before it (a join's answer is slower than the line's broadcast) apply now.
  return catchUp({ places: keep ? [...others, merged] : others, pending: state.pending });
}

/** All places read afresh (after a (re)connect or a gap): moves they already include are spent. */
export function resetPlaces(state: QueuePlaces, places: QueuePosition[]): QueuePlaces {
  return catchUp({ places, pending: state.pending });
}

/**
 * One broadcast move of a line. A move of a line she holds no place in yet is kept a while (the
 * last ${'`'}UNPLACED_KEPT${'`'}): it may be newer than the places being read meanwhile.
 */
export function receiveMove(state: QueuePlaces, move: QueueMove): QueuePlaces {
  return catchUp({ places: state.places, pending: [...state.pending, move] });
}

const UNPLACED_KEPT = 50;
const holds = (places: QueuePosition[], move: QueueMove) =>
  places.some((p) => placeKey(p) === placeKey(move) && p.position !== null);

/** True while a move of one of her lines waits for a missing one (the page asks again if that lasts). */
export const hasGap = (state: QueuePlaces) => state.pending.some((m) => holds(state.places, m));

function catchUp({ places, pending }: QueuePlaces): QueuePlaces {
  const waiting: QueueMove[] = pending.filter((m) => !holds(places, m)).slice(-UNPLACED_KEPT);
  const next: QueuePosition[] = [];
  for (const place of places) {
    if (place.position === null) {
      next.push(place); // a call-in: nothing to follow
      continue;
    }
    const followed = followQueue(
      place,
      pending.filter((m) => placeKey(m) === placeKey(place)),
    );
    waiting.push(...followed.waiting);
    // Called in or taken out: the place ends (a call-in comes as its own message).
    if (followed.place.position !== null) next.push(followed.place);
  }
  return { places: next, pending: waiting };
}
