import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight-segments';

describe('highlightSegments', () => {
  it('splits hits from the text around them', () => {
    expect(highlightSegments('<em>育婴</em>员（五级）<em>线上</em>培训')).toEqual([
      { text: '育婴', hit: true },
      { text: '员（五级）', hit: false },
      { text: '线上', hit: true },
      { text: '培训', hit: false },
    ]);
  });

  it('turns escaped markup back into plain text, never into tags', () => {
    expect(highlightSegments('&lt;script&gt;x&lt;/script&gt; &amp; <em>电工</em>')).toEqual([
      { text: '<script>x</script> & ', hit: false },
      { text: '电工', hit: true },
    ]);
  });

  it('returns the whole text as one segment when nothing is highlighted', () => {
    expect(highlightSegments('普通文本')).toEqual([{ text: '普通文本', hit: false }]);
    expect(highlightSegments('')).toEqual([]);
  });
});
