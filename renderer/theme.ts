import { createTheme } from '@mantine/core';

/** System fonts only: the CSP allows no external fonts. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
});

/** Style for values that must read exactly: tokens, URLs, bodies. */
export const mono = { fontFamily: 'var(--mantine-font-family-monospace)' } as const;
