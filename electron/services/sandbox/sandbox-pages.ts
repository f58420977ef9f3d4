import type { ProviderClient, ProviderContext } from 'oidc-provider';

// The HTML pages oidc-provider lets us supply (device flow, errors, logout). Self-contained: no
// external fonts or scripts, and every page says it is the sandbox. The login and consent pages
// come from oidc-provider's devInteractions.

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
