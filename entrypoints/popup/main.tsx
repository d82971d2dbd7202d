import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { openDatabase } from '@/lib/db';
import { requestSearchRecord } from '@/lib/search/popup-data';
import '@/components/theme.css';

// The full search record is asked for before anything renders: reading it from disk takes
// 30-50 ms at 100,000 papers, which this overlaps with the first render.
const db = openDatabase();
const fullRecord = requestSearchRecord(db);
const root = document.getElementById('app');
if (root) render(<PopupApp db={db} fullRecord={fullRecord} />, root);
