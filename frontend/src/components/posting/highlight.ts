/** A span of a text that a posting rule matched. */
export interface Mark {
  start: number;
  end: number;
  /** The exact words the rule matched; used to find the span again when the text moved. */
  matched: string;
  severity: 'reject' | 'review';
  code: string;
}

export interface Segment {
  text: string;
  /** Present on a highlighted piece: the worst severity and every rule code covering it. */
  hit?: { severity: 'reject' | 'review'; codes: string[] };
}

/**
 * Where a mark really is in the current text. The check ran on an earlier version while the
 * employer kept typing, so an offset that no longer holds the matched words is looked up again
 * by the words themselves; a mark whose words are gone is dropped.
 */
export function locate(text: string, mark: Mark): Mark | null {
  if (!mark.matched) return null;
  if (text.slice(mark.start, mark.end) === mark.matched) return mark;
  const at = text.indexOf(mark.matched);
  return at < 0 ? null : { ...mark, start: at, end: at + mark.matched.length };
}

/** Splits a text into plain and highlighted pieces; overlapping marks share their pieces. */
export function highlightSegments(text: string, marks: readonly Mark[]): Segment[] {
  const placed = marks.map((mark) => locate(text, mark)).filter((mark): mark is Mark => mark !== null);
  const cuts = new Set([0, text.length]);
  for (const mark of placed) cuts.add(mark.start).add(mark.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = placed.filter((mark) => mark.start <= from && mark.end >= to);
    const piece: Segment = { text: text.slice(from, to) };
    if (covering.length) {
      piece.hit = {
        severity: covering.some((mark) => mark.severity === 'reject') ? 'reject' : 'review',
        codes: [...new Set(covering.map((mark) => mark.code))],
      };
    }
    appendMerged(segments, piece);
  }
  return segments;
}

function appendMerged(segments: Segment[], piece: Segment): void {
  const last = segments.at(-1);
  if (last && !last.hit && !piece.hit) last.text += piece.text;
  else if (piece.text) segments.push(piece);
}
