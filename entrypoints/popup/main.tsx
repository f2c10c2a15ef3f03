import { render } from 'preact';
import { SearchApp } from '../../components/search/SearchApp';
import { startPopupReads } from '../../data/search/popup-start';
import './style.css';

// Storage is asked for before rendering, so its answers can arrive while the first render runs.
const start = startPopupReads();
const root = document.getElementById('app');
if (root) render(<SearchApp onClose={() => window.close()} start={start} />, root);
