import { z } from 'zod';
import type { Settings } from '../../shared/results';
import type { KeyValueStore } from './data-store';

export const defaultSettings: Settings = { timeoutSeconds: 30 };

const settingsSchema = z.object({ timeoutSeconds: z.number().int().min(1).max(600) });

export class SettingsService {
  constructor(private readonly store: KeyValueStore) {}

  get(): Settings {
    const parsed = settingsSchema.safeParse(this.store.get('settings'));
    return parsed.success ? parsed.data : { ...defaultSettings };
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.store.set('settings', next);
    return next;
  }
}
