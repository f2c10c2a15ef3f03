// Thin entry: decide whether this page gets a sidebar, mount it in a shadow root, tear down
// with the content-script context.
import { render } from 'preact';
import { loadProgress, setRead, watchProgress } from '../../data/progress';
import { blogPageForUrl } from '../../data/urls';
import { SidebarApp, type ProgressStore } from '../../components/sidebar/SidebarApp';
import './style.css';

const store: ProgressStore = {
  load: loadProgress,
  watch: watchProgress,
  setRead: (slug, read) => setRead(slug, read, 'button'),
};

export default defineContentScript({
  matches: ['https://fly.io/blog/*', 'https://www.fly.io/blog/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const page = blogPageForUrl(location.href);
    if (page.kind === 'other') return;

    const ui = await createShadowRootUi(ctx, {
      name: 'fly-field-notes',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        render(<SidebarApp page={page} store={store} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
