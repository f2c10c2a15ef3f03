import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SuggestedSection } from '../../../components/sidebar/SuggestedSection';

afterEach(cleanup);

const suggestion = {
  sectionId: 'SQLite & Litestream',
  sectionTitle: 'SQLite & Litestream',
  confidence: 0.8,
};

describe('SuggestedSection', () => {
  it('shows the suggested section, labelled as a guess and not a field note', () => {
    render(<SuggestedSection suggestion={suggestion} />);
    const root = screen.getByTestId('fn-suggested-section');
    expect(root.dataset.section).toBe('SQLite & Litestream');
    expect(root.textContent).toContain('Suggested section: SQLite & Litestream');
    expect(screen.getByTestId('fn-suggested-section-title').textContent).toBe(
      'SQLite & Litestream',
    );
    expect(screen.getByTestId('fn-suggested-section-note').textContent).toMatch(
      /guess.*not a field note/,
    );
  });

  it('renders nothing when there is no suggestion (declined or not asked yet)', () => {
    const { container } = render(<SuggestedSection suggestion={null} />);
    expect(container.textContent).toBe('');
    render(<SuggestedSection suggestion={undefined} />);
    expect(screen.queryByTestId('fn-suggested-section')).toBeNull();
  });

  it('shows a title holding markup as text, never as markup', () => {
    const title = '<img src=x onerror="alert(1)">Networking';
    const { container } = render(
      <SuggestedSection suggestion={{ ...suggestion, sectionId: title, sectionTitle: title }} />,
    );
    expect(screen.getByTestId('fn-suggested-section-title').textContent).toBe(title);
    expect(container.querySelector('img')).toBeNull();
  });
});
