import { createTheme, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core';

/**
 * System fonts only: the CSP allows no external fonts. Colours are chosen for WCAG AA in both
 * schemes: filled buttons use a darker shade with automatic text contrast, and the resolver
 * below darkens (light scheme) or lightens (dark scheme) dimmed text, placeholders and every
 * colour's text and "light" badge text.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.35,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
});

const colorNames = Object.keys(DEFAULT_THEME.colors);

function perColor(shade: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of colorNames) {
    out[`--mantine-color-${c}-text`] = `var(--mantine-color-${c}-${shade})`;
    out[`--mantine-color-${c}-light-color`] = `var(--mantine-color-${c}-${shade})`;
    out[`--mantine-color-${c}-outline`] = `var(--mantine-color-${c}-${shade})`;
  }
  return out;
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#676e75',
    ...perColor(9),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
    ...perColor(3),
  },
});

/** Style for values that must read exactly: tokens, URLs, bodies. */
export const mono = { fontFamily: 'var(--mantine-font-family-monospace)' } as const;
