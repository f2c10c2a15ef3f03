import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearPlace,
  loadPlace,
  loadPlaces,
  MAX_PLACES,
  savePlace,
  type Place,
} from '../../../data/progress/places';
import { loadQuarantine } from '../../../data/storage/quarantine';

const place = (at: number, percent = 40): Place => ({
  at,
  percent,
  title: 'A post',
  index: 2,
  heading: 'Section 3',
  offset: 120,
  quote: 'The paragraph starts',
});

beforeEach(() => fakeBrowser.reset());

describe('reading places', () => {
  it('are kept per post under place:<slug> and listed most recent first', async () => {
    await savePlace('corrosion', place(1000));
    await savePlace('kurt-got-got', place(2000, 70));
    expect(await fakeBrowser.storage.local.get('place:corrosion')).toEqual({
      'place:corrosion': place(1000),
    });
    expect((await loadPlaces()).map((p) => [p.slug, p.percent])).toEqual([
      ['kurt-got-got', 70],
      ['corrosion', 40],
    ]);
    expect(await loadPlace('corrosion')).toEqual(place(1000));
    await clearPlace('corrosion');
    expect(await loadPlace('corrosion')).toBeUndefined();
  });

  it(`keep only the ${MAX_PLACES} most recent`, async () => {
    for (let i = 0; i < MAX_PLACES + 3; i++) await savePlace(`post-${i}`, place(1000 + i));
    const places = await loadPlaces();
    expect(places).toHaveLength(MAX_PLACES);
    expect(places.at(-1)?.slug).toBe('post-3');
    expect(await loadPlace('post-0')).toBeUndefined();
  });

  it('a corrupt place is set aside in quarantine, never shown', async () => {
    await fakeBrowser.storage.local.set({
      'place:corrosion': { at: 'yesterday', percent: 400 },
      'place:Not A Slug': place(5),
    });
    await savePlace('kurt-got-got', place(3000));
    // On the blog's pages a corrupt place is only ignored; the lists set it aside.
    expect(await loadPlace('corrosion')).toBeUndefined();
    expect((await loadPlaces()).map((p) => p.slug)).toEqual(['kurt-got-got']);
    const quarantined = await loadQuarantine();
    expect(quarantined.map((q) => q.key).sort()).toEqual(['place:Not A Slug', 'place:corrosion']);
    expect(await fakeBrowser.storage.local.get('place:corrosion')).toEqual({});
  });

  it('an invalid place is never written', async () => {
    await expect(savePlace('corrosion', { ...place(1), percent: 101 })).rejects.toThrow();
    await savePlace('NOT VALID', place(1));
    expect(await loadPlaces()).toEqual([]);
  });
});
