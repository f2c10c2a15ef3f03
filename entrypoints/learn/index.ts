// The learn chunk (built to learn.js): reading the blog's pages for the whole-blog archive (a
// post page's facts, an index page's cards, the walk over the index) and finding the cards the
// card marks go on. The sidebar's script imports it once the page is idle (entrypoints/content/
// learn.ts); it leaves its functions on the content script's global for that script.
import { readIndexCards } from '../../data/page/index-cards';
import { walkIndex } from './archive-walk';
import type { LearnChunk } from './host';
import { learnPage } from './learn-page';

export default defineUnlistedScript(() => {
  const chunk: LearnChunk = { learnPage, walk: walkIndex, findCards: readIndexCards };
  (globalThis as { flyFieldNotesLearn?: LearnChunk }).flyFieldNotesLearn = chunk;
});
