// Thin entry: wires the options page to storage through data/ and renders it.
import { render } from 'preact';
import { FeedStatusSection, type FeedServices } from '../../components/options/FeedSection';
import { OptionsApp, type OptionsServices } from '../../components/options/OptionsApp';
import { applyImport } from '../../data/backup';
import { loadFeedCache, watchFeed } from '../../data/feed-cache';
import { checkFeedNow } from '../../data/feed-check';
import { fieldNotes } from '../../data/notes';
import { loadPrefs, savePrefs, watchPrefs } from '../../data/prefs';
import {
  clearMarks,
  loadProgress,
  loadResetUndo,
  restoreMarks,
  watchProgress,
} from '../../data/progress';
import { loadQuarantine, markReported } from '../../data/quarantine';
import './style.css';

const notes = fieldNotes();
const known = new Set(notes.posts.map((p) => p.slug));

const services: OptionsServices = {
  loadProgress,
  watchProgress,
  loadPrefs,
  watchPrefs,
  savePrefs,
  applyImport: (backup) => applyImport(backup, known),
  clearMarks,
  restoreMarks,
  loadResetUndo: () => loadResetUndo(),
  loadQuarantine,
  markReported,
  now: () => Date.now(),
};

const feedServices: FeedServices = { loadFeedCache, watchFeed, checkFeedNow };

const root = document.getElementById('app');
if (root)
  render(
    <OptionsApp
      notes={notes}
      services={services}
      sections={<FeedStatusSection bundledSlugs={known} services={feedServices} />}
    />,
    root,
  );
