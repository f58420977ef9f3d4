import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal application menu: Edit (so copy and paste work everywhere), View without reload or
 * Toggle DevTools, and Help. Replaces Electron's default menu, which carries DevTools.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  help: { openShortcuts: () => void },
): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'Keyboard shortcuts', click: help.openShortcuts }, { role: 'about' }],
  };
  const app: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [
          {
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          },
        ]
      : [{ label: 'File', submenu: [{ role: 'quit' }] }];
  return [...app, edit, view, helpMenu];
}
