import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { DATABASE_NAME, openDatabase } from '@/lib/db';
import { requestSearchRecord } from '@/lib/search/popup-data';
import '@/components/theme.css';

// The full search record is asked for before anything else: reading it from disk takes 30-50 ms
// at 100,000 papers, which this overlaps with opening the database and the first render.
const fullRecord = requestSearchRecord(indexedDB, DATABASE_NAME);
const db = openDatabase();
const root = document.getElementById('app');
if (root) render(<PopupApp db={db} fullRecord={fullRecord} />, root);
