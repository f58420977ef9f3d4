import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { safeFileName, type SaveAsOutcome } from '../../shared/save-response';
import { WorkbenchInputError } from './errors';
import type { ResponseStore } from './responses/response-store';

/** Electron's `dialog.showSaveDialog`, reduced to what is needed: a path, or null if cancelled. */
export type ShowSaveDialog = (defaultFileName: string) => Promise<string | null>;

/** What the browser host's download route needs: one body, once, for a valid ticket. */
export interface DownloadSource {
  redeem(
    ticket: string,
  ): { stream: Readable; fileName: string; contentType: string; bytes: number } | null;
}

export const DOWNLOAD_PATH = '/download/';
/** A download link works once, within this time. */
const TICKET_TTL_MS = 60_000;
const TICKETS_KEPT = 20;

interface Ticket {
  bodyId: string;
  fileName: string;
  expires: number;
}

/**
 * Save response: in the Electron app a real save dialog, then the body streamed to the chosen
 * file; in the browser host a one-time ticket for a download streamed from main (a link cannot
 * send the launch-key header, so the ticket stands in for it, for that one body, once).
 */
export class ResponseExport implements DownloadSource {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly deps: {
      responses: ResponseStore;
      showSaveDialog?: ShowSaveDialog;
      now?: () => number;
    },
  ) {}

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private size(bodyId: string): number {
    try {
      return this.deps.responses.info(bodyId).size;
    } catch (err) {
      throw new WorkbenchInputError(err instanceof Error ? err.message : String(err), 'bodyId');
    }
  }

  async saveAs(bodyId: string, requestedName: string): Promise<SaveAsOutcome> {
    const bytes = this.size(bodyId);
    const fileName = safeFileName(requestedName);
    if (!this.deps.showSaveDialog) {
      const url = `${DOWNLOAD_PATH}${this.issue(bodyId, fileName)}`;
      return { outcome: 'download', url, fileName };
    }
    const target = await this.deps.showSaveDialog(fileName);
    if (!target) return { outcome: 'cancelled' };
    await pipeline(this.deps.responses.readStream(bodyId), createWriteStream(target));
    return { outcome: 'saved', path: target, bytes };
  }

  private issue(bodyId: string, fileName: string): string {
    const now = this.now;
    for (const [key, t] of this.tickets) if (t.expires <= now) this.tickets.delete(key);
    while (this.tickets.size >= TICKETS_KEPT) {
      const oldest = this.tickets.keys().next().value;
      if (oldest === undefined) break;
      this.tickets.delete(oldest);
    }
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { bodyId, fileName, expires: now + TICKET_TTL_MS });
    return ticket;
  }

  redeem(ticket: string) {
    const t = this.tickets.get(ticket);
    if (!t) return null;
    this.tickets.delete(ticket);
    if (t.expires <= this.now) return null;
    try {
      const info = this.deps.responses.info(t.bodyId);
      return {
        stream: this.deps.responses.readStream(t.bodyId),
        fileName: t.fileName,
        contentType: info.contentType ?? 'application/octet-stream',
        bytes: info.size,
      };
    } catch {
      return null;
    }
  }
}
