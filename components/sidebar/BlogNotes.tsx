import type { SidebarBlog } from '../../data/sidebar/sidebar-notes';

/** The blog-level field notes: what the blog is, when to read it, how it compares. */
export function BlogNotes({ blog }: { blog: SidebarBlog }) {
  return (
    <section class="fn-blog" aria-labelledby="fn-blog-heading">
      <h3 id="fn-blog-heading">About {blog.name}</h3>
      <p data-testid="fn-blog-summary">{blog.summary}</p>
      <p class="fn-verdict">
        <strong>Verdict:</strong> {blog.verdict.label}
      </p>
      <p data-testid="fn-read-this">
        <strong>Read this when</strong> {blog.readThisWhen}
      </p>
      <p data-testid="fn-skip-it">
        <strong>Skip it if</strong> {blog.skipItIf}
      </p>
      <p data-testid="fn-compared-to">
        <strong>Compared to</strong> {blog.comparedTo}
      </p>
    </section>
  );
}
