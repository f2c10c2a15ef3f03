// Thin entry: wires the options page to storage through data/ and renders it.
import { render } from 'preact';
import { FeedStatusSection } from '../../components/options/FeedStatusSection';
import { OptionsApp } from '../../components/options/OptionsApp';
import { StorageUsageSection } from '../../components/options/StorageUsage';
import { fieldNotes } from '../../data/notes/notes';
import { feedServices, optionsServices, storageUsageServices } from './services';
import './style.css';

const notes = fieldNotes();
const known = new Set(notes.posts.map((p) => p.slug));

const root = document.getElementById('app');
if (root)
  render(
    <OptionsApp
      notes={notes}
      services={optionsServices(known)}
      sections={
        <>
          <FeedStatusSection bundledSlugs={known} services={feedServices} />
          <StorageUsageSection services={storageUsageServices} />
        </>
      }
    />,
    root,
  );
