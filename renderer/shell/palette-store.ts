import { createSpotlight } from '@mantine/spotlight';

/** The command palette's own store: its open state decides whether its actions are built. */
export const [paletteStore, palette] = createSpotlight();
