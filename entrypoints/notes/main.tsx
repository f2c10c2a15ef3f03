import { render } from 'preact';
import { NotesApp, type FeedSource } from '../../components/notes/NotesApp';
import { loadArchivePosts, watchArchive } from '../../data/archive/archive';
import { loadFeedPosts, watchFeed } from '../../data/feed/cache';
import { progressStore } from '../../data/progress/marks';
import './style.css';

const store = progressStore('notes');

const feed: FeedSource = {
  load: loadFeedPosts,
  watch: (onChange) => watchFeed((cache) => onChange(cache.entries)),
};

const copyText = (text: string) => navigator.clipboard.writeText(text);

const root = document.getElementById('app');
if (root)
  render(
    <NotesApp
      store={store}
      feed={feed}
      wholeArchive={{ load: loadArchivePosts, watch: watchArchive }}
      copyText={copyText}
    />,
    root,
  );
