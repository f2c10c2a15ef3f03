import type { MonthBar } from '../../data/notes/history';
import type { Blog, Post } from '../../data/notes/schema';
import { ContinueReading } from '../common/ContinueReading';
import type { ArchivePost } from '../../data/feed/merge';
import { Archive, type ArchiveFilter } from './Archive';
import { FromTheField, WhatThisIs } from './BlogOverview';
import { ExportShare, type ExportShareProps } from './ExportShare';
import { HistoryChart } from './HistoryChart';
import { NotesHeader, type NotesTotals } from './NotesHeader';
import { Sections, type SectionSummary } from './Sections';
import { StartHere, type StartHereStep } from './StartHere';

export interface NotesPageProps {
  blog: Blog;
  totals: NotesTotals;
  steps: StartHereStep[];
  sections: SectionSummary[];
  history: MonthBar[];
  archive: { filter: ArchiveFilter; posts: (Post | ArchivePost)[]; total: number };
  exports: ExportShareProps;
  isRead: (slug: string) => boolean;
  onFilter: (filter: ArchiveFilter) => void;
  onToggleRead: (slug: string, read: boolean) => void;
}

const PARTS = [
  ['from-the-field', 'From the field'],
  ['what-this-is', 'What this is'],
  ['start-here', 'Start Here'],
  ['whats-inside', "What's inside"],
  ['posting-history', 'Posting history'],
  ['archive', 'The archive'],
  ['export', 'Export & share'],
] as const;

/** The whole field notes, part by part in the original page's order. */
export function NotesPage(props: NotesPageProps) {
  const { blog, isRead, onToggleRead } = props;
  return (
    <div class="fn-notes">
      <NotesHeader blog={blog} totals={props.totals} />
      <nav class="fn-toc" aria-label="Parts of the field notes">
        <ul>
          {PARTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <FromTheField blog={blog} />
        <WhatThisIs blog={blog} />
        <ContinueReading />
        <StartHere steps={props.steps} onToggleRead={onToggleRead} />
        <Sections sections={props.sections} isRead={isRead} />
        <HistoryChart bars={props.history} />
        <Archive
          filter={props.archive.filter}
          sections={props.sections.map((s) => s.section.name)}
          posts={props.archive.posts}
          total={props.archive.total}
          isRead={isRead}
          onFilter={props.onFilter}
          onToggleRead={onToggleRead}
        />
        <ExportShare {...props.exports} />
      </main>
      <footer class="fn-footer">
        <p>
          Field notes about <a href={blog.url}>{blog.url}</a>. Your read marks stay in this browser.
        </p>
      </footer>
    </div>
  );
}
