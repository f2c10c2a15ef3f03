import { render } from 'preact';
import { NotesApp, type NotesProgressStore } from '../../components/notes/NotesApp';
import { loadProgress, setRead, watchProgress } from '../../data/progress';
import './style.css';

const store: NotesProgressStore = {
  load: loadProgress,
  watch: watchProgress,
  setRead: (slug, read) => setRead(slug, read, 'notes'),
};

const copyText = (text: string) => navigator.clipboard.writeText(text);

const root = document.getElementById('app');
if (root) render(<NotesApp store={store} copyText={copyText} />, root);
