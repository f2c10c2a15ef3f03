import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStoredValue, type StoredSource } from '../../../components/common/useStoredValue';

afterEach(cleanup);

/** A source whose load answers when the test says, and whose changes the test sends. */
function manualSource(name: string) {
  let answer: (value: string) => void = () => undefined;
  let send: ((value: string) => void) | undefined;
  const unwatch = vi.fn(() => (send = undefined));
  const source: StoredSource<string> = {
    load: () => new Promise<string>((resolve) => (answer = resolve)),
    watch: (onChange) => {
      send = onChange;
      return unwatch;
    },
  };
  return {
    name,
    source,
    unwatch,
    answer: (value: string) => answer(value),
    change: (value: string) => send?.(value),
  };
}

function Shown({ source, id }: { source: StoredSource<string>; id: string }) {
  const [value] = useStoredValue(source, 'initial', [source]);
  return <p data-testid={id}>{value}</p>;
}

describe('useStoredValue', () => {
  it('shows the initial value, then the loaded one, then each change', async () => {
    const s = manualSource('a');
    render(<Shown source={s.source} id="v" />);
    expect(screen.getByTestId('v').textContent).toBe('initial');
    s.answer('loaded');
    await waitFor(() => expect(screen.getByTestId('v').textContent).toBe('loaded'));
    s.change('changed');
    await waitFor(() => expect(screen.getByTestId('v').textContent).toBe('changed'));
  });

  it('drops a load that a change overtook', async () => {
    const s = manualSource('a');
    render(<Shown source={s.source} id="v" />);
    s.change('newer');
    s.answer('older');
    await waitFor(() => expect(screen.getByTestId('v').textContent).toBe('newer'));
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByTestId('v').textContent).toBe('newer');
  });

  it('stops watching on unmount and when the source changes, and ignores the old one', async () => {
    const first = manualSource('first');
    const second = manualSource('second');
    const { rerender, unmount } = render(<Shown source={first.source} id="v" />);
    await waitFor(() => expect(first.unwatch).not.toHaveBeenCalled());
    rerender(<Shown source={second.source} id="v" />);
    await waitFor(() => expect(first.unwatch).toHaveBeenCalledOnce());
    first.answer('from the old source');
    second.answer('from the new source');
    await waitFor(() => expect(screen.getByTestId('v').textContent).toBe('from the new source'));
    unmount();
    await waitFor(() => expect(second.unwatch).toHaveBeenCalledOnce());
  });
});
