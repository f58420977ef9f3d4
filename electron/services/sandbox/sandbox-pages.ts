import type { ServerResponse } from 'node:http';
import type { ProviderClient, ProviderContext } from 'oidc-provider';

// The HTML pages oidc-provider lets us supply (device flow, errors, logout). Self-contained: no
// external fonts or scripts, and every page says it is the sandbox. The login and consent pages
// come from oidc-provider's devInteractions, restyled on the way out (restyleInteractionHtml).

export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:32px auto;max-width:360px;color:#1f2933}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:2px 8px;border-radius:4px;background:#fde68a}
h1{font-size:22px;font-weight:500}input[type=text]{width:100%;box-sizing:border-box;height:40px;font-size:18px;text-align:center;text-transform:uppercase;margin-bottom:12px}
button{width:100%;height:36px;margin-bottom:8px;font-weight:600;cursor:pointer}.error{color:#b91c1c}code{font-size:20px}pre{white-space:pre-wrap;word-break:break-word}`;

function page(ctx: ProviderContext, title: string, body: string): void {
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · Token Workbench sandbox</title><style>${STYLE}</style></head>
<body><span class="badge">Token Workbench sandbox</span><h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>`;
}

function errorName(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}

export async function deviceCodeInputPage(
  ctx: ProviderContext,
  form: string,
  _out: unknown,
  err: unknown,
): Promise<void> {
  let message = '<p>Enter the code shown by the device.</p>';
  if (err && typeof err === 'object' && ('userCode' in err || errorName(err) === 'NoCodeError')) {
    message = '<p class="error">The code you entered is not valid. Try again.</p>';
  } else if (errorName(err) === 'AbortedError') {
    message = '<p class="error">The sign-in request was cancelled.</p>';
  } else if (err) {
    message = '<p class="error">The request could not be processed.</p>';
  }
  page(
    ctx,
    'Device sign-in',
    `${message}${form}<button type="submit" form="op.deviceInputForm">Continue</button>`,
  );
}

export async function deviceCodeConfirmPage(
  ctx: ProviderContext,
  form: string,
  client: ProviderClient,
  _deviceInfo: unknown,
  userCode: string,
): Promise<void> {
  page(
    ctx,
    'Confirm device',
    `<p><strong>${escapeHtml(client.clientName ?? client.clientId)}</strong> asks for access.
The device should show this code:</p><p><code>${escapeHtml(userCode)}</code></p>
${form}<button autofocus type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" value="yes" name="abort">Abort</button>`,
  );
}

export async function deviceSuccessPage(ctx: ProviderContext): Promise<void> {
  page(ctx, 'Device signed in', '<p>The device is signed in. You can close this page.</p>');
}

export async function errorPage(
  ctx: ProviderContext,
  out: Record<string, string | undefined>,
): Promise<void> {
  const rows = Object.entries(out)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<pre><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</pre>`)
    .join('');
  page(ctx, 'Something went wrong', rows);
}

export async function logoutPage(ctx: ProviderContext, form: string): Promise<void> {
  page(
    ctx,
    'Sign out?',
    `<p>Sign out of the sandbox at ${escapeHtml(ctx.host)}?</p>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export async function logoutSuccessPage(ctx: ProviderContext): Promise<void> {
  page(ctx, 'Signed out', '<p>You are signed out of the sandbox.</p>');
}

/** The look of every sandbox page: the app's system font, its indigo, a "Sandbox" label. */
const INTERACTION_STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:40px auto;max-width:380px;color:#1f2933;background:#f8f9fa}
.sandbox-label{display:inline-block;font-size:12px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:2px 8px;border-radius:4px;background:#862e9c;color:#fff}
.login-card{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:8px 24px 16px;margin-top:12px}
.login-card h1{font-size:22px;font-weight:650;margin:16px 0}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;height:38px;font-size:15px;margin-bottom:10px;padding:0 10px;border:1px solid #adb5bd;border-radius:6px}
button,[type=submit]{width:100%;height:36px;margin-bottom:8px;font-weight:600;font-size:14px;cursor:pointer;border:0;border-radius:6px;background:#3b5bdb;color:#fff}
.login-help a{color:#495057;font-size:13px}ul{padding-left:1.2em}li{margin:4px 0}
.sandbox-note{font-size:13px;color:#495057;margin-top:12px}`;

/**
 * oidc-provider's built-in sign-in and consent pages, made to look like the app: its stock
 * styles and external font go, the "DEBUG information" block goes, and a Sandbox label and a
 * note that any name and password work come in. Form fields and buttons stay as they are.
 */
export function restyleInteractionHtml(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, `<style>${INTERACTION_STYLE}</style>`)
    .replace(/<title>([^<]*)<\/title>/, '<title>$1 · Token Workbench sandbox</title>')
    .replace(/<html\s*>/, '<html lang="en">')
    .replace('<body>', '<body><span class="sandbox-label">Sandbox</span>')
    .replace(
      /<div class="grant-debug">[\s\S]*<\/body>/,
      '<p class="sandbox-note">Token Workbench sandbox on this machine: any name and password sign in.</p>\n</body>',
    );
}

/** Rewrites an HTML answer on its way out (oidc-provider ends it with one body chunk). */
export function restyleInteractionResponse(res: ServerResponse): void {
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (chunk !== undefined && typeof chunk !== 'function' && type.includes('text/html')) {
      const text = restyleInteractionHtml(
        Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk),
      );
      if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(text));
      return end(text, ...rest);
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}
