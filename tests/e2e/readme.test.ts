// Docs kept honest: the README must explain every permission the built manifest asks for, show
// the real keyboard shortcut, and keep its two commands true to package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, OUTPUT_DIR } from './support/chromium';

const readme = readFileSync('README.md', 'utf8');
const permissionsTable = readme.split('## Permissions')[1]?.split('\n## ')[0] ?? '';

interface Manifest {
  permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  omnibox?: { keyword: string };
}
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('the README', () => {
  for (const [name, dir] of [
    ['Chrome', EXTENSION_DIR],
    ['Firefox', join(OUTPUT_DIR, 'firefox-mv2')],
  ] as const)
    it(`explains every permission and match pattern of the ${name} build`, () => {
      const m = manifest(dir);
      const asked = [
        ...(m.permissions ?? []),
        ...(m.optional_host_permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.host_permissions ?? []),
        ...(m.content_scripts ?? []).flatMap((c) => c.matches),
      ];
      expect(asked.length).toBeGreaterThan(0);
      for (const permission of asked) expect(permissionsTable).toContain(`\`${permission}\``);
      expect(m.permissions ?? []).not.toContain('tabs');
      // Hosts only where the content script already runs (the reserving stylesheet's pages):
      // MV3 lists them as host_permissions, MV2 among the permissions.
      const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
      const hosts = [...(m.host_permissions ?? []), ...(m.permissions ?? [])].filter((p) =>
        p.includes('://'),
      );
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) expect(matches).toContain(host);
    });

  it('shows the real keyboard shortcut and omnibox keyword', () => {
    const m = manifest(EXTENSION_DIR);
    const key = m.commands?.['toggle-sidebar']?.suggested_key?.default;
    expect(key).toBeTruthy();
    expect(readme).toContain(`**${key}**`);
    expect(readme).toContain(`\`${m.omnibox?.keyword}\``);
  });

  it('gives the two commands, and they exist in package.json', () => {
    const scripts = (
      JSON.parse(readFileSync('package.json', 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(readme).toContain('npm run setup');
    expect(readme).toContain('npm test');
    expect(scripts['setup']).toContain('npm ci');
    expect(scripts['setup']).toContain('npm run build');
    expect(scripts['test']).toBeTruthy();
  });
});
