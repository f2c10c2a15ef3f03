import type { Blog } from '../../data/notes/schema';

/** "From the field": the verdict, when to read and when to skip, and the complexity scale. */
export function FromTheField({ blog }: { blog: Blog }) {
  const { level, of, label } = blog.complexity;
  return (
    <section class="fn-part" id="from-the-field" aria-labelledby="fn-field-heading">
      <h2 id="fn-field-heading">From the field</h2>
      <div class="fn-verdict" data-testid="fn-verdict" data-kind={blog.verdict.kind}>
        <p class="fn-verdict-label">
          <span class="fn-kicker">Verdict</span> {blog.verdict.label}
        </p>
        <p class="fn-complexity">
          <span class="fn-kicker">Complexity</span>{' '}
          <span class="fn-dots" role="img" aria-label={`${level} of ${of}`}>
            {Array.from({ length: of }, (_, i) => (
              <span key={i} class={i < level ? 'fn-dot fn-dot-on' : 'fn-dot'} />
            ))}
          </span>{' '}
          {label}
        </p>
      </div>
      <div class="fn-blocks">
        <div class="fn-block" data-testid="fn-read-this">
          <h3>Read this when</h3>
          <p>{blog.readThisWhen}</p>
        </div>
        <div class="fn-block" data-testid="fn-skip-it">
          <h3>Skip it if</h3>
          <p>{blog.skipItIf}</p>
        </div>
        <div class="fn-block" data-testid="fn-compared-to">
          <h3>Compared to</h3>
          <p>{blog.comparedTo}</p>
        </div>
      </div>
    </section>
  );
}

/** "What this is": the summary told for a tourist. */
export function WhatThisIs({ blog }: { blog: Blog }) {
  return (
    <section class="fn-part" id="what-this-is" aria-labelledby="fn-what-heading">
      <h2 id="fn-what-heading">What this is</h2>
      <p class="fn-lede" data-testid="fn-blog-summary">
        {blog.summary}
      </p>
    </section>
  );
}
