import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld(
  'workbench',
  buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
