/** A piece of a highlighted fragment: plain text, or a word the search matched. */
export interface HighlightSegment {
  text: string;
  hit: boolean;
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * Splits a fragment of the search api (document text escaped, matches wrapped in <em>…</em>) into
 * segments that the page renders as text nodes: no v-html anywhere, so whatever the text holds
 * (a `<script>` an employer typed) stays text. Unbalanced tags are treated as the text they are.
 */
export function highlightSegments(fragment: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  const push = (raw: string, hit: boolean) => {
    const text = raw.replace(/&(lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]);
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += text;
    else segments.push({ text, hit });
  };
  let rest = fragment;
  for (;;) {
    const open = rest.indexOf('<em>');
    const close = open < 0 ? -1 : rest.indexOf('</em>', open + 4);
    if (open < 0 || close < 0) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + 4, close), true);
    rest = rest.slice(close + 5);
  }
  push(rest, false);
  return segments;
}

/** The highlighted fragment of a field when there is one, else the plain value, unmarked. */
export function fieldSegments(
  highlight: Record<string, string[]>,
  field: string,
  plain: string,
): HighlightSegment[] {
  const fragment = highlight[field]?.[0];
  return fragment ? highlightSegments(fragment) : plain ? [{ text: plain, hit: false }] : [];
}
