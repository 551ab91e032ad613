import { describe, expect, it } from 'vitest';
import { useLoader } from './use-loader';

describe('useLoader', () => {
  it('keeps the newest answer when an older, slower load comes back last', async () => {
    const answers: ((value: string) => void)[] = [];
    const loader = useLoader(() => new Promise<string>((resolve) => answers.push(resolve)));
    const first = loader.reload();
    const second = loader.reload();
    answers[1]('new');
    await second;
    answers[0]('old');
    await first;
    expect(loader.data.value).toBe('new');
    expect(loader.loaded.value).toBe(true);
    expect(loader.loading.value).toBe(false);
  });

  it('keeps the error for the page to show, and clears it on the next success', async () => {
    let fail = true;
    const loader = useLoader(async () => {
      if (fail) throw new Error('down');
      return 1;
    });
    await loader.reload();
    expect(loader.error.value).toBeInstanceOf(Error);
    expect(loader.loaded.value).toBe(false);
    fail = false;
    await loader.reload();
    expect(loader.error.value).toBeNull();
    expect(loader.data.value).toBe(1);
  });
});
