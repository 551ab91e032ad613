import { describe, expect, it } from 'vitest';
import { highlightSegments, locate, type Mark } from './highlight';

const origin: Mark = {
  start: 8,
  end: 13,
  matched: '湖北籍勿扰',
  severity: 'reject',
  code: 'POSITION_ORIGIN_DISCRIMINATION',
};

describe('highlightSegments', () => {
  it('marks the exact words a rule matched and leaves the rest plain', () => {
    expect(highlightSegments('本科及以上学历，湖北籍勿扰。', [origin])).toEqual([
      { text: '本科及以上学历，' },
      { text: '湖北籍勿扰', hit: { severity: 'reject', codes: ['POSITION_ORIGIN_DISCRIMINATION'] } },
      { text: '。' },
    ]);
  });

  it('returns the text as one plain piece when nothing matched', () => {
    expect(highlightSegments('五险一金', [])).toEqual([{ text: '五险一金' }]);
    expect(highlightSegments('', [])).toEqual([]);
  });

  it('finds the words again after the employer typed in front of them', () => {
    const text = '要求：本科及以上学历，湖北籍勿扰';
    const pieces = highlightSegments(text, [origin]);
    expect(pieces.find((piece) => piece.hit)?.text).toBe('湖北籍勿扰');
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });

  it('drops a mark whose words were deleted since the check', () => {
    expect(highlightSegments('本科及以上学历，欢迎各地毕业生', [origin])).toEqual([
      { text: '本科及以上学历，欢迎各地毕业生' },
    ]);
  });

  it('shows overlapping matches once, at the worse severity, naming both rules', () => {
    const review: Mark = { start: 0, end: 3, matched: '湖北籍', severity: 'review', code: 'R2' };
    const reject: Mark = { start: 0, end: 5, matched: '湖北籍勿扰', severity: 'reject', code: 'R1' };
    expect(highlightSegments('湖北籍勿扰', [review, reject])).toEqual([
      { text: '湖北籍', hit: { severity: 'reject', codes: ['R2', 'R1'] } },
      { text: '勿扰', hit: { severity: 'reject', codes: ['R1'] } },
    ]);
  });
});

describe('locate', () => {
  it('keeps a mark whose offsets still hold its words', () => {
    expect(locate('本科及以上学历，湖北籍勿扰', origin)).toBe(origin);
  });

  it('ignores a mark without words', () => {
    expect(locate('abc', { ...origin, matched: '' })).toBeNull();
  });
});
