import type { ClientCheckResult } from '../../../shared/client-check/check-types';
import type { JwtCheck } from '../../../shared/client-check/jwt-check';
import { renderHtmlReport } from '../../../shared/client-check/report-html';
import { renderMarkdownReport } from '../../../shared/client-check/report-markdown';
import { reportFileName } from '../../../shared/client-check/report-model';
import { WorkbenchInputError } from '../errors';
import type { ClientCheckHistory } from './check-history';

export type ReportFormat = 'markdown' | 'html';

/** A report for the page (or the command line) to save: the page picks where. */
export interface CheckReport {
  fileName: string;
  mimeType: string;
  content: string;
}

export function renderReport(result: ClientCheckResult, format: ReportFormat): CheckReport {
  return format === 'html'
    ? {
        fileName: reportFileName(result, 'html'),
        mimeType: 'text/html',
        content: renderHtmlReport(result),
      }
    : {
        fileName: reportFileName(result, 'md'),
        mimeType: 'text/markdown',
        content: renderMarkdownReport(result),
      };
}

/** The last check of a profile as a report; a clear error when the profile has none. */
export function reportFor(
  history: ClientCheckHistory,
  profileId: string,
  format: ReportFormat,
): CheckReport {
  const last = history.last(profileId);
  if (!last) {
    throw new WorkbenchInputError(
      'This profile has no client check yet: press Check this client first.',
      'profileId',
    );
  }
  return renderReport(last, format);
}

/** The server's clock now, from the skew measured when the token arrived. */
export function serverDateNow(now: number, clockSkewSeconds: number | null | undefined): string {
  return new Date(now + (clockSkewSeconds ?? 0) * 1000).toUTCString();
}

export type { JwtCheck };
