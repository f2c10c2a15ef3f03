export interface SectionSelectProps {
  sections: readonly string[];
  /** The chosen section's name, or '' for all sections. */
  value: string;
  testId: string;
  onChange: (section: string) => void;
}

/** The section filter shared by the popup and the notes page's archive. */
export function SectionSelect({ sections, value, testId, onChange }: SectionSelectProps) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">All sections</option>
      {sections.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}
