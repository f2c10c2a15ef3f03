// Issue 13 item 6: a corrupt mark is set aside (not overwritten) when the reader marks the
// post before storage upkeep has run; a backup without a version says so plainly.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { loadProgress, setRead } from '../../../data/progress/marks';
import { loadQuarantine } from '../../../data/storage/quarantine';
import { BACKUP_FORMAT, parseBackup } from '../../../data/progress/backup';

beforeEach(() => fakeBrowser.reset());

describe('a click on a post whose stored mark is corrupt', () => {
  it('sets the corrupt value aside, then stores the new mark', async () => {
    const corrupt = { read: 'yes', at: 'yesterday' };
    await browser.storage.local.set({ 'read:corrosion': corrupt });
    await setRead('corrosion', true, 'button');
    const quarantined = await loadQuarantine();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ key: 'read:corrosion', value: corrupt });
    expect((await loadProgress()).corrosion).toMatchObject({ read: true, via: 'button' });
  });

  it('sets nothing aside for a valid mark', async () => {
    await setRead('corrosion', true, 'button');
    await setRead('corrosion', false, 'button');
    expect(await loadQuarantine()).toEqual([]);
    expect((await loadProgress()).corrosion).toMatchObject({ read: false });
  });
});

describe('a backup without a version', () => {
  it('says the version is missing, in words', () => {
    const result = parseBackup(
      JSON.stringify({ format: BACKUP_FORMAT, exportedAt: '2026-05-01T00:00:00.000Z', marks: [] }),
    );
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).not.toContain('undefined');
    expect(error).toContain('no "version" field');
  });
});
