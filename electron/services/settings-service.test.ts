import { describe, expect, it } from 'vitest';
import { memoryStore } from './data-store';
import { WorkbenchInputError } from './errors';
import { responseLimits } from './responses/response-store';
import { SettingsService } from './settings-service';

describe('settings: response caps', () => {
  it('starts with 1024 MB for responses and 64 MB in memory per response, also for older files', () => {
    const settings = new SettingsService({
      store: memoryStore({ settings: { timeoutSeconds: 12 } }),
      vault: null,
      http: null,
    });
    expect(settings.get()).toMatchObject({
      timeoutSeconds: 12,
      responseMemoryMB: 1024,
      responseSpillMB: 64,
    });
    expect(responseLimits(settings.get())).toEqual({
      memoryBytes: 1024 * 1024 * 1024,
      spillAboveBytes: 64 * 1024 * 1024,
    });
  });

  it('keeps one in-memory body within the limit: at most a quarter of it, naming the field', async () => {
    const store = memoryStore();
    const settings = new SettingsService({ store, vault: null, http: null });
    const err = await settings.update({ responseSpillMB: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbenchInputError);
    expect((err as WorkbenchInputError).field).toBe('responseSpillMB');
    expect((err as Error).message).toMatch(
      /at most a quarter of the memory for responses \(256 MB\)/,
    );
    expect(store.get('settings')).toBeUndefined();
    const saved = await settings.update({ responseMemoryMB: 2048, responseSpillMB: 300 });
    expect(saved).toMatchObject({ responseMemoryMB: 2048, responseSpillMB: 300 });
    await expect(settings.update({ responseMemoryMB: 64 })).rejects.toThrow(/at least 128 MB/);
  });
});
