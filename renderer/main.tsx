import '@mantine/core/styles.css';
import '@mantine/spotlight/styles.css';

// The start bundle is evaluated in two tasks instead of one long one: React DOM first, then
// Mantine and the app (start.tsx), which find React DOM evaluated already.
import('react-dom/client')
  .then(() => import('./start'))
  .catch((err: unknown) => {
    const root = document.getElementById('root');
    if (root) {
      root.textContent = `Token Workbench could not load its page: ${err instanceof Error ? err.message : String(err)}. Reload the page or restart the app.`;
    }
  });
