import { describe, expect, it } from 'vitest';
import { fieldSegments, highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks the words inside <em> and keeps the rest as plain text', () => {
    expect(highlightSegments('负责<em>软件</em><em>开发</em>与测试')).toEqual([
      { text: '负责', hit: false },
      { text: '软件开发', hit: true },
      { text: '与测试', hit: false },
    ]);
  });

  it('turns the api escaping back into the characters, as text that is never parsed as markup', () => {
    expect(highlightSegments('&lt;script&gt;alert(1)&lt;/script&gt; <em>Java</em> &amp; Go')).toEqual([
      { text: '<script>alert(1)</script> ', hit: false },
      { text: 'Java', hit: true },
      { text: ' & Go', hit: false },
    ]);
  });

  it('leaves an unclosed tag as text rather than guessing', () => {
    expect(highlightSegments('开发<em>工程师')).toEqual([{ text: '开发<em>工程师', hit: false }]);
    expect(highlightSegments('')).toEqual([]);
  });
});

describe('fieldSegments', () => {
  it('falls back to the plain value when the field has no highlight', () => {
    expect(fieldSegments({}, 'title', '会计')).toEqual([{ text: '会计', hit: false }]);
    expect(fieldSegments({ districtText: ['<em>渝北</em>区'] }, 'districtText', '渝北区')).toEqual([
      { text: '渝北', hit: true },
      { text: '区', hit: false },
    ]);
  });
});

describe('HighlightedText', () => {
  it('renders the matched words as <mark> and any markup in the text as plain text', async () => {
    const { mount } = await import('@vue/test-utils');
    const { default: HighlightedText } = await import('./HighlightedText.vue');
    const wrapper = mount(HighlightedText, {
      props: { segments: highlightSegments('&lt;img src=x onerror=alert(1)&gt;<em>软件</em>开发') },
    });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('mark').text()).toBe('软件');
    expect(wrapper.text()).toBe('<img src=x onerror=alert(1)>软件开发');
  });
});
