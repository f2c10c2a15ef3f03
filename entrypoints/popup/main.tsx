import { render } from 'preact';
import { SearchApp } from '../../components/search/SearchApp';
import './style.css';

const root = document.getElementById('app');
if (root) render(<SearchApp onClose={() => window.close()} />, root);
