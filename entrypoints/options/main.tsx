// Thin entry: wires the options page to storage through data/ and renders it.
import { render } from 'preact';
import { OptionsApp, type OptionsServices } from '../../components/options/OptionsApp';
import { applyImport } from '../../data/backup';
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

const root = document.getElementById('app');
if (root) render(<OptionsApp notes={notes} services={services} />, root);
