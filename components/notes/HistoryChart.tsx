import { useState } from 'preact/hooks';
import { monthLabel, shortMonthLabel, yearBars, type MonthBar } from '../../data/notes/history';
import { plural } from '../../data/shared/text';

export interface HistoryChartProps {
  bars: MonthBar[];
}

// Geometry in SVG user units; the SVG scales to its box through the viewBox.
const AXIS = 28;
const BAR = 34;
const GAP = 14;
const TOP = 22;
const PLOT = 150;
const LABELS = 34;

function barName(bar: MonthBar): string {
  if (bar.count === 0) return `${monthLabel(bar.month)}: no posts`;
  const parts = [plural(bar.count, 'post'), `${bar.read} read`];
  if (bar.approximate > 0) parts.push(`${bar.approximate} with an approximate date`);
  if (bar.fromFeed > 0) parts.push(`${bar.fromFeed} from the feed`);
  return `${monthLabel(bar.month)}: ${parts.join(', ')}`;
}

function tickStep(max: number): number {
  return max <= 6 ? 1 : Math.ceil(max / 5);
}

/**
 * Posts per month as an SVG bar chart. Each bar stacks the read posts under the unread ones
 * (and posts known only from the feed on top). Bars take focus, so the month's posts can be
 * shown to keyboard users as well as on hover; a visually hidden table repeats the data.
 */
export function HistoryChart({ bars: monthBars }: HistoryChartProps) {
  const [active, setActive] = useState<string | undefined>(undefined);
  // The whole blog spans years: by month (the default) or one bar per year.
  const [byYear, setByYear] = useState(false);
  const bars = byYear ? yearBars(monthBars) : monthBars;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const unit = PLOT / max;
  const width = AXIS + bars.length * (BAR + GAP);
  const height = TOP + PLOT + LABELS;
  const baseline = TOP + PLOT;
  const step = tickStep(max);
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  const shown = bars.find((b) => b.month === active);
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  const approximate = bars.reduce((sum, b) => sum + b.approximate, 0);
  const fromFeed = bars.reduce((sum, b) => sum + b.fromFeed, 0);

  return (
    <section class="fn-part" id="posting-history" aria-labelledby="fn-history-heading">
      <h2 id="fn-history-heading">Posting history</h2>
      <p class="fn-part-sub" id="fn-history-sub">
        {plural(total, 'post')} from {bars[0] ? monthLabel(bars[0].month) : ''} to{' '}
        {bars.length > 0 ? monthLabel(bars[bars.length - 1]!.month) : ''},{' '}
        {byYear ? 'per year' : 'per month'}; the lower, stronger-coloured part of each bar is what
        you have read.
        {fromFeed > 0
          ? ` ${plural(fromFeed, 'post')} from the blog's feed ${fromFeed === 1 ? 'has' : 'have'} no field notes yet and ${fromFeed === 1 ? 'is' : 'are'} drawn apart.`
          : ''}
        {approximate > 0
          ? ` ≈ marks a month holding a post whose date range crosses months: it is counted in the range's first month.`
          : ''}
      </p>
      <p class="fn-history-by">
        <label class="fn-field-check">
          <input
            type="checkbox"
            data-testid="fn-history-by-year"
            checked={byYear}
            onChange={(e) => {
              setActive(undefined);
              setByYear(e.currentTarget.checked);
            }}
          />
          <span>By year</span>
        </label>
      </p>
      <div class="fn-chart-box">
        <svg
          class="fn-chart"
          data-testid="fn-history"
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-labelledby="fn-history-heading"
          aria-describedby="fn-history-sub"
        >
          {ticks.map((t) => (
            <g key={t} class="fn-chart-grid" aria-hidden="true">
              <line x1={AXIS - 4} x2={width} y1={baseline - t * unit} y2={baseline - t * unit} />
              <text x={AXIS - 8} y={baseline - t * unit + 4}>
                {t}
              </text>
            </g>
          ))}
          {bars.map((bar, i) => {
            const x = AXIS + GAP / 2 + i * (BAR + GAP);
            const feed = bar.entries.filter((e) => e.fromFeed && !e.read).length;
            const unread = bar.count - bar.read - feed;
            const segments = [
              { kind: 'read', n: bar.read },
              { kind: 'unread', n: unread },
              { kind: 'feed', n: feed },
            ];
            let y = baseline;
            const showYear = !byYear && (i === 0 || bar.month.endsWith('-01'));
            return (
              <g
                key={bar.month}
                class={`fn-history-bar${active === bar.month ? ' fn-active' : ''}`}
                data-testid="fn-history-bar"
                data-month={bar.month}
                data-count={bar.count}
                data-read={bar.read}
                data-approximate={bar.approximate}
                tabindex={0}
                role="img"
                aria-label={barName(bar)}
                onMouseEnter={() => setActive(bar.month)}
                onFocus={() => setActive(bar.month)}
                onClick={() => setActive(bar.month)}
              >
                <rect
                  class="fn-bar-hit"
                  x={x - GAP / 2}
                  y={TOP - 18}
                  width={BAR + GAP}
                  height={PLOT + 18 + LABELS}
                />
                {bar.count === 0 ? (
                  <rect class="fn-bar-empty" x={x} y={baseline - 3} width={BAR} height={3} />
                ) : (
                  segments.map((s) => {
                    if (s.n === 0) return null;
                    y -= s.n * unit;
                    return (
                      <rect
                        key={s.kind}
                        class={`fn-bar-${s.kind}`}
                        x={x}
                        y={y}
                        width={BAR}
                        height={s.n * unit}
                      />
                    );
                  })
                )}
                {bar.count > 0 ? (
                  <text class="fn-bar-count" x={x + BAR / 2} y={baseline - bar.count * unit - 6}>
                    {bar.approximate > 0 ? `≈${bar.count}` : bar.count}
                  </text>
                ) : null}
                <text class="fn-bar-month" x={x + BAR / 2} y={baseline + 15}>
                  {shortMonthLabel(bar.month)}
                </text>
                {showYear ? (
                  <text class="fn-bar-year" x={x + BAR / 2} y={baseline + 29}>
                    {bar.month.slice(0, 4)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line class="fn-chart-axis" x1={AXIS} x2={width} y1={baseline} y2={baseline} />
        </svg>
      </div>
      <ul class="fn-legend" aria-hidden="true">
        <li>
          <span class="fn-swatch fn-bar-read" /> read
        </li>
        <li>
          <span class="fn-swatch fn-bar-unread" /> not read yet
        </li>
        {bars.some((b) => b.fromFeed > 0) ? (
          <li>
            <span class="fn-swatch fn-bar-feed" /> from the feed
          </li>
        ) : null}
      </ul>
      <div class="fn-history-detail" data-testid="fn-history-detail" aria-live="polite">
        {shown ? (
          <>
            <p class="fn-history-detail-title">{barName(shown)}</p>
            {shown.entries.length > 0 ? (
              <ul>
                {shown.entries.map((e) => (
                  <li key={e.slug} data-slug={e.slug}>
                    {e.read ? '✓ ' : ''}
                    {e.title}
                    {e.approximate ? ' (approximate date)' : ''}
                    {e.fromFeed ? ' (from the feed)' : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p class="fn-hint">Hover over a bar, or focus it with Tab, to see that month's posts.</p>
        )}
      </div>
      {/* Hidden by its wrapper: a table grows to fit its content whatever width it is given. */}
      <div class="fn-visually-hidden">
        <table data-testid="fn-history-table">
          <caption>Posts per month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Posts</th>
              <th scope="col">Read</th>
              <th scope="col">Titles</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.month}>
                <th scope="row">{monthLabel(bar.month)}</th>
                <td>
                  {bar.count}
                  {bar.approximate > 0 ? ` (${bar.approximate} approximate)` : ''}
                </td>
                <td>{bar.read}</td>
                <td>{bar.entries.map((e) => e.title).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
