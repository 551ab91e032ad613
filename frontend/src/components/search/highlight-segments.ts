export interface Segment {
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
 * Splits an api highlight ("escaped text with <em>hits</em>") into plain segments, so the page
 * renders text nodes and never HTML: whatever a position or course says, it cannot inject markup.
 */
export function highlightSegments(fragment: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /<em>(.*?)<\/em>/gs;
  let at = 0;
  for (const match of fragment.matchAll(pattern)) {
    if (match.index > at) segments.push({ text: unescape(fragment.slice(at, match.index)), hit: false });
    segments.push({ text: unescape(match[1]), hit: true });
    at = match.index + match[0].length;
  }
  if (at < fragment.length) segments.push({ text: unescape(fragment.slice(at)), hit: false });
  return segments;
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]);
}
