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
if (intro) lines.push(intro, '');
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
