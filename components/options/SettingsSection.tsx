import type { Prefs } from '../../data/settings/prefs';

type Flag = Exclude<keyof Prefs, 'sidebarSide'>;

const FLAGS: { name: Flag; label: string; hint: string }[] = [
  {
    name: 'sidebarOpenByDefault',
    label: 'Open the sidebar by default',
    hint: 'Otherwise it waits as a small tab on the edge of the page.',
  },
  {
    name: 'sidebarPinnedByDefault',
    label: 'Pin the sidebar by default',
    hint: 'Pinned, it pushes the page aside instead of covering it, where the window is wide enough.',
  },
  {
    name: 'autoMark',
    label: 'Mark a post read when I reach its end',
    hint: 'After a short stay on the page, reaching the end of the article marks it read. A post you unmarked yourself is left alone.',
  },
  {
    name: 'badge',
    label: 'Show Start Here progress on the toolbar button',
    hint: 'For example 3/7; nothing once the path is done. Worked out in your browser only.',
  },
  {
    name: 'indexCardMarks',
    label: 'Show read marks on the blog index',
    hint: 'A small mark and path step on each post card of fly.io/blog.',
  },
];

export interface SettingsSectionProps {
  prefs: Prefs;
  onChange: (changes: Partial<Prefs>) => void;
}

export function SettingsSection({ prefs, onChange }: SettingsSectionProps) {
  return (
    <section class="fn-options-section" aria-labelledby="fn-settings-heading">
      <h2 id="fn-settings-heading">Settings</h2>
      {FLAGS.map(({ name, label, hint }) => (
        <div class="fn-setting" key={name}>
          <input
            type="checkbox"
            id={`fn-setting-${name}`}
            data-testid={`fn-setting-${name}`}
            checked={prefs[name]}
            aria-describedby={`fn-setting-${name}-hint`}
            onChange={(e) => onChange({ [name]: e.currentTarget.checked })}
          />
          <label for={`fn-setting-${name}`}>{label}</label>
          <p class="fn-hint" id={`fn-setting-${name}-hint`}>
            {hint}
          </p>
        </div>
      ))}
      <div class="fn-setting">
        <label for="fn-setting-sidebarSide">Sidebar side</label>{' '}
        <select
          id="fn-setting-sidebarSide"
          data-testid="fn-setting-sidebarSide"
          value={prefs.sidebarSide}
          onChange={(e) =>
            onChange({ sidebarSide: e.currentTarget.value === 'left' ? 'left' : 'right' })
          }
        >
          <option value="right">Right</option>
          <option value="left">Left</option>
        </select>
      </div>
    </section>
  );
}
