import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import '@/components/options/options.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
