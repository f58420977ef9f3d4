import { workbench } from '../workbench-api';

/**
 * Export report: main renders it (never a secret), the page saves it as a download. The browser
 * asks where or puts it in Downloads; Electron's window shows its save dialog for a download.
 */
export async function exportReport(
  profileId: string,
  format: 'markdown' | 'html',
): Promise<string> {
  const report = await workbench.exportClientCheckReport({ profileId, format });
  const url = URL.createObjectURL(new Blob([report.content], { type: report.mimeType }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = report.fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return report.fileName;
}
