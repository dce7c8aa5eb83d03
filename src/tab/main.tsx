import { createRoot } from 'react-dom/client';
import { Root } from './app/root';
import { readQueryOverrides } from './host/query-overrides';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first-render mark lets the browser benchmark read when the first real frame was committed.
performance.mark('mentoring-start');
createRoot(container).render(<Root overrides={readQueryOverrides(window.location.search)} />);
