// oidc-provider prints development notices with console.warn/console.info: an "unsupported
// runtime" warning when it is first imported under Node 20, and a "devInteractions" warning when
// a provider is constructed. The sandbox is a development tool on purpose, so those lines are
// noise. While `quietly` runs, console lines that start with oidc-provider's own prefix are
// dropped; every other line passes through. None of these notices carries a secret.

const NOTICE = /^oidc-provider (?:WARNING|NOTICE): /;

/** True for oidc-provider's notices, also when a terminal colour code comes first. */
function isNotice(line: unknown): boolean {
  if (typeof line !== 'string') return false;
  const start = line.indexOf('oidc-provider ');
  return start >= 0 && start <= 10 && NOTICE.test(line.slice(start));
}

type ConsoleMethod = (...args: unknown[]) => void;

let depth = 0;
let originals: { warn: ConsoleMethod; info: ConsoleMethod } | undefined;

function filtered(original: ConsoleMethod): ConsoleMethod {
  return (...args) => {
    if (isNotice(args[0])) return;
    original.apply(console, args);
  };
}

export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  if (depth++ === 0) {
    originals = { warn: console.warn, info: console.info };
    console.warn = filtered(originals.warn);
    console.info = filtered(originals.info);
  }
  try {
    return await fn();
  } finally {
    if (--depth === 0 && originals) {
      console.warn = originals.warn;
      console.info = originals.info;
      originals = undefined;
    }
  }
}
