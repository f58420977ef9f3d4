import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi, buildPreloadEvents } from './preload-api';

contextBridge.exposeInMainWorld(
  'workbench',
  buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
contextBridge.exposeInMainWorld('workbenchEvents', buildPreloadEvents(ipcRenderer));
