import { TestBrowser } from '../services/sandbox/sandbox-test-helpers';

export interface BrowserVisit {
  /** The loopback callback URL the user's browser was sent to (it carries code and state). */
  callback: URL | null;
  error?: string;
}

const isCallback = (u: URL) => u.hostname === '127.0.0.1' && u.searchParams.has('state');

/**
 * The user's system browser, played with plain HTTP: opens the authorization URL, submits the
 * server's approval form (the servers sign in a fixed test user), follows redirects to the
 * workbench's loopback receiver and loads that page, which hands the code to the app.
 */
export class UserBrowser {
  private visit: Promise<BrowserVisit> | null = null;

  /** The OpenExternal the services get. */
  open(url: string): boolean {
    this.visit = this.play(url);
    this.visit.catch(() => undefined);
    return true;
  }

  /** The visit started by the last `open`. */
  finish(): Promise<BrowserVisit> {
    const visit = this.visit;
    this.visit = null;
    if (!visit) return Promise.reject(new Error('the app opened no browser'));
    return visit;
  }

  private async play(url: string): Promise<BrowserVisit> {
    const browser = new TestBrowser();
    let callback: URL | null = null;
    const stop = (u: URL) => {
      if (isCallback(u)) callback = u;
      return false;
    };
    const page = await browser.navigate(url, undefined, stop);
    if (page.response && page.response.status >= 400) {
      throw new Error(`the authorization page answered ${page.response.status}`);
    }
    await browser.signInAndConsent(page, stop);
    if (!callback) throw new Error('the browser never reached the loopback callback');
    return { callback };
  }
}
