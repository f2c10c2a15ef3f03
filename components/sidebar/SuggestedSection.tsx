import type { SectionSuggestion } from '../../data/notes/suggest';

export interface SuggestedSectionProps {
  /**
   * The background's answer to `fn:suggest-section` (the caller asks for it). null or undefined
   * (declined, or not asked yet) renders nothing.
   */
  suggestion: SectionSuggestion | null | undefined;
}

/**
 * The nearest section of the notes for a post they do not cover, shown as what it is: a guess
 * made from the post's words, not a field note.
 */
export function SuggestedSection({ suggestion }: SuggestedSectionProps) {
  if (!suggestion) return null;
  return (
    <p
      class="fn-suggested fn-meta"
      data-testid="fn-suggested-section"
      data-section={suggestion.sectionId}
    >
      Suggested section:{' '}
      <strong data-testid="fn-suggested-section-title">{suggestion.sectionTitle}</strong>
      <br />
      <small data-testid="fn-suggested-section-note">
        A guess from this post’s words, not a field note.
      </small>
    </p>
  );
}
