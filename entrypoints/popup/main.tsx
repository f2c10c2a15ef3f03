import { render } from 'preact';
import { SearchApp } from '../../components/search/SearchApp';
import { startPopupReads } from '../../data/search/popup-start';
import css from './style.css?inline';

// The saved search is asked for first, and the first render waits for its answer: a reopened
// popup then paints its query's results in its first frame, not the empty query's first (and
// renders once instead of twice). The other reads are asked for after the first paint.
const start = startPopupReads();
// The stylesheet inside the script: one file fewer to load before the first frame.
const style = document.createElement('style');
style.textContent = css;
document.head.append(style);
const root = document.getElementById('app');
if (root)
  void start.session.then((saved) =>
    render(<SearchApp onClose={() => window.close()} start={start} restored={{ saved }} />, root),
  );
