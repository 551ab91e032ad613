import { describe, expect, it, vi } from 'vitest';
import { useSubmit } from './use-submit';

describe('useSubmit', () => {
  it('runs one request at a time and hands the result on', async () => {
    let finish: (value: string) => void = () => undefined;
    const action = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const done = vi.fn();
    const { busy, submit } = useSubmit(action, done);
    const first = submit();
    await submit();
    expect(action).toHaveBeenCalledTimes(1);
    expect(busy.value).toBe(true);
    finish('saved');
    await first;
    expect(done).toHaveBeenCalledWith('saved');
    expect(busy.value).toBe(false);
  });

  it('keeps the failure and does not call done', async () => {
    const done = vi.fn();
    const { failure, submit } = useSubmit(() => Promise.reject(new Error('refused')), done);
    await submit();
    expect((failure.value as Error).message).toBe('refused');
    expect(done).not.toHaveBeenCalled();
  });
});
