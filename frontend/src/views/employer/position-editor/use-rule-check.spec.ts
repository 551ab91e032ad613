import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, reactive } from 'vue';
import type { PostingCheck } from '@/api/fair-types';
import type { PositionCheckBody } from '@/api/positions';
import { useRuleCheck } from './use-rule-check';

const checkPosition = vi.hoisted(() => vi.fn());
vi.mock('@/api/positions', () => ({ checkPosition }));

const clean: PostingCheck = { ruleSetVersion: '2020.1', findings: [], exemptions: [], verdict: 'clean' };

describe('useRuleCheck', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    checkPosition.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('checks once the employer pauses typing, not on every keystroke', async () => {
    checkPosition.mockResolvedValue(clean);
    const draft = reactive({ title: '护士', requirements: '' });
    const rules = useRuleCheck(() => ({ ...draft }) as PositionCheckBody, 400);
    for (const text of ['湖', '湖北', '湖北籍', '湖北籍勿扰']) {
      draft.requirements = text;
      await nextTick();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(checkPosition).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(checkPosition).toHaveBeenCalledTimes(1);
    expect(checkPosition.mock.calls[0][0]).toMatchObject({ requirements: '湖北籍勿扰' });
    expect(rules.state.value).toBe('done');
    expect(rules.check.value).toEqual(clean);
  });

  it('aborts a check that the next one overtakes', async () => {
    const signals: AbortSignal[] = [];
    checkPosition.mockImplementation((_body: unknown, signal: AbortSignal) => {
      signals.push(signal);
      return new Promise(() => undefined);
    });
    const draft = reactive({ title: '护士' });
    useRuleCheck(() => ({ ...draft }) as PositionCheckBody, 10);
    await vi.advanceTimersByTimeAsync(20);
    draft.title = '护士长';
    await nextTick();
    await vi.advanceTimersByTimeAsync(20);
    expect(signals).toHaveLength(2);
    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
  });

  it('stays idle without a title, which the api requires', async () => {
    const rules = useRuleCheck(() => null, 10);
    await vi.advanceTimersByTimeAsync(50);
    expect(checkPosition).not.toHaveBeenCalled();
    expect(rules.state.value).toBe('idle');
  });
});
