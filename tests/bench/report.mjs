// Turns test-results/bench/*.json into BENCHMARKS.md (and prints the tables).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = 'test-results/bench';
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
if (files.length === 0) {
  console.error('No benchmark results in test-results/bench/.');
  process.exit(1);
}
const results = files.map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
const intro = existsSync('tests/bench/INTRO.md')
  ? readFileSync('tests/bench/INTRO.md', 'utf8').trim()
  : '';
const lines = [
  '# Benchmarks',
  '',
  '<!-- Written by `npm run bench`; edit tests/bench/INTRO.md for the prose. -->',
  '',
];
// INTRO.md's `<!-- targets -->` marks where the targets table goes (else after all of it).
const [introHead, introTail = ''] = intro.split('<!-- targets -->');
if (introHead.trim()) lines.push(introHead.trim(), '');

// Every target the benchmarks measure, in one table: the figure of this run against it.
const BENCH_BUDGET_S = 180;
const started = existsSync('test-results/bench-started.json')
  ? JSON.parse(readFileSync('test-results/bench-started.json', 'utf8')).at
  : undefined;
const targets = results.flatMap((result) => result.targets ?? []);
if (started !== undefined) {
  // To the last benchmark's result (the report itself takes milliseconds), so that running
  // the report again later gives the same figure.
  const ended = Math.max(...results.map((r) => Date.parse(r.date)));
  const seconds = (ended - started) / 1000;
  targets.push({
    target: '`npm run bench` under 3 minutes (17)',
    measured: `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`,
    ratio: `${(seconds / BENCH_BUDGET_S).toFixed(2)}×`,
    met: seconds < BENCH_BUDGET_S,
  });
}
if (targets.length > 0) {
  const when = results[0].date.replace('T', ' ').slice(0, 16);
  lines.push(
    '## Targets in this run',
    '',
    `Written by \`npm run bench\` from this run's figures (${when} UTC, ${results[0].machine}); ratio = measured ÷ target where both are numbers (at most 1.00× meets an "at most" target). The tables below give each figure's method.`,
    '',
    '| target | measured | ratio | verdict |',
    '| --- | --- | --- | --- |',
    ...targets.map(
      (t) => `| ${t.target} | ${t.measured} | ${t.ratio} | ${t.met ? 'met' : '**missed**'} |`,
    ),
    '',
  );
}
if (introTail.trim()) lines.push(introTail.trim(), '');
lines.push(`Run on ${results[0].date.slice(0, 10)}; machine: ${results[0].machine}.`, '');
for (const result of results) {
  for (const table of result.tables) {
    lines.push(`## ${table.title}`, '', table.method, '');
    lines.push(
      `| ${table.columns.join(' | ')} |`,
      `| ${table.columns.map(() => '---').join(' | ')} |`,
    );
    for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  }
  // A benchmark's own prose (what its figures showed, traced), kept beside it: <name>.md.
  const prose = `tests/bench/${result.name}.md`;
  if (existsSync(prose)) lines.push(readFileSync(prose, 'utf8').trim(), '');
}
writeFileSync('BENCHMARKS.md', lines.join('\n'));
console.log(lines.join('\n'));
