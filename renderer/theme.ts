import {
  createTheme,
  darken,
  DEFAULT_THEME,
  Drawer,
  Modal,
  type CSSVariablesResolver,
} from '@mantine/core';

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
  components: {
    // Modal, Drawer and notification close buttons are icon buttons: they need a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
  },
});

const colorNames = Object.keys(DEFAULT_THEME.colors);

/**
 * Text in a colour: in the light scheme shade 9 darkened by a third (yellow and orange shade 9
 * alone reach only about 3:1 on their light background); in the dark scheme shade 3.
 */
function perColor(scheme: 'light' | 'dark'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of colorNames) {
    const shades = DEFAULT_THEME.colors[c]!;
    const value = scheme === 'light' ? darken(shades[9], 0.35) : shades[3];
    out[`--mantine-color-${c}-text`] = value;
    out[`--mantine-color-${c}-light-color`] = value;
    out[`--mantine-color-${c}-outline`] = value;
  }
  return out;
}

/** Orange for the "Presenting" badge: white text on it reaches 5.9:1. */
export const presentingColor = '#b33c0a';

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#676e75',
    ...perColor('light'),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
    ...perColor('dark'),
  },
});

/** Style for values that must read exactly: tokens, URLs, bodies. */
export const mono = { fontFamily: 'var(--mantine-font-family-monospace)' } as const;
