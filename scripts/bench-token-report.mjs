// The figures of `npm run bench:token` as tables (see bench-token.mjs for what each one is).
import { median, round } from './bench-stats.mjs';
import { CLICKS, FAR_CLICKS, FAR_ENDPOINT_MS, FAR_JITTER_MS } from './bench-token-ui.mjs';

/** Prints the three figures; `ui` is null with --no-ui. */
export function printReport({ loadAverage, trivial, sandbox, apart, ui, empty, full }) {
  const withUi = ui !== null;
  const none = { screen: [], barScreen: [], network: [] };
  const { screen, barScreen, network, rpc, rpcSocket, floor, far } = ui ?? {
    ...none,
    rpc: [],
    rpcSocket: [],
    floor: { none: [], rpc: [] },
    far: none,
  };
  /** A click row: on screen, recorded network time and their difference, medians (ms). */
  const clickRow = (figure, shown, net, rpcMs) => ({
    figure,
    'on screen': round(median(shown), 1),
    network: round(median(net), 1),
    difference: round(median(shown.map((s, i) => s - (net[i] ?? 0))), 1),
    target: '<= 15',
    'getToken RPC alone: socket / POST': rpcMs,
  });
  const row = (figure, r) => {
    const p = median(r.pipe);
    const b = median(r.bare);
    return {
      figure,
      runs: r.pipe.length,
      'pipeline (ms)': round(p, 3),
      'bare undici (ms)': round(b, 3),
      'overhead (ms)': round(p - b, 3),
      ratio: round(p / b, 2),
      'transport alone (ms)': round(median(r.transport), 3),
      'bare, 2nd pass (ms)': round(median(r.bareBeside), 3),
      // Each against the bare calls of its own pass: what the steps other than sending cost.
      'pipeline beyond its transport (ms)': round(
        p - b - (median(r.transport) - median(r.bareBeside)),
        3,
      ),
      'CPU/call pipeline (ms)': round(r.pipeCpuMs, 3),
      'CPU/call bare (ms)': round(r.bareCpuMs, 3),
    };
  };
  console.log(`\nToken pipeline benchmark (one run; load average ${loadAverage.join(', ')})\n`);
  console.log('Client credentials, median of each (target ratio <= 1.05):');
  console.table([
    row('trivial server', trivial),
    row('sandbox token endpoint (oidc-provider, JWT)', sandbox),
    row('the same sandbox in its own process', apart),
  ]);
  if (withUi)
    console.table([
      clickRow(
        `sandbox: click -> token in the Access token field (detail pane), median of ${CLICKS} (ms)`,
        screen,
        network,
        `${round(median(rpcSocket), 1)} / ${round(median(rpc), 1)}`,
      ),
      clickRow(
        `sandbox: click -> new token in the token bar, median of ${CLICKS} (ms)`,
        barScreen,
        network,
        `${round(median(rpcSocket), 1)} / ${round(median(rpc), 1)}`,
      ),
      clickRow(
        `endpoint ${FAR_ENDPOINT_MS} ± ${FAR_JITTER_MS} ms away: click -> token in the Access token field, median of ${FAR_CLICKS} (ms)`,
        far.screen,
        far.network,
        '-',
      ),
      clickRow(
        `endpoint ${FAR_ENDPOINT_MS} ± ${FAR_JITTER_MS} ms away: click -> new token in the token bar, median of ${FAR_CLICKS} (ms)`,
        far.barScreen,
        far.network,
        '-',
      ),
      {
        figure: 'floor: click -> a text changed with no work (setTimeout 0), median of 12 (ms)',
        'on screen': round(median(floor.none), 1),
        network: 0,
        difference: round(median(floor.none), 1),
        target: '-',
        'getToken RPC alone: socket / POST': '-',
      },
      {
        figure:
          'floor: click -> a text changed after the cheapest RPC (getAppInfo), median of 12 (ms)',
        'on screen': round(median(floor.rpc), 1),
        network: 0,
        difference: round(median(floor.rpc), 1),
        target: '-',
        'getToken RPC alone: socket / POST': '-',
      },
    ]);
  if (withUi) {
    const floorMs = median(floor.none);
    const shownMs = median(screen);
    const farDiff = median(far.screen.map((s, i) => s - (far.network[i] ?? 0)));
    console.log(
      [
        `The floor rows use the same click and animation-frame detection with no app code in between. In this Chromium a task a click starts (a timer, a message, a network answer) runs only after the click's own frame is drawn, so the first change any click can bring to the screen is in the frame after: ${round(floorMs, 1)} ms with no work at all.`,
        `The sandbox answers in ${round(median(network), 1)} ms, inside that floor: its difference stays near the floor minus the network time (${round(floorMs - median(network), 1)} ms here), whatever the app does, and its token is on screen after ${round(shownMs, 1)} ms, ${round(shownMs - floorMs, 1)} ms beyond the floor.`,
        `With the endpoint ${FAR_ENDPOINT_MS} ms away the answer comes after that frame, and the difference, ${round(farDiff, 1)} ms, is what the app adds to the network time: the RPC, the pipeline, the render and the wait for the next frame (0 to 16.7 ms).`,
      ].join('\n'),
    );
  }
  console.table([
    {
      figure: `one Get token, median of ${empty.length} (ms)`,
      '0 history entries': round(median(empty)),
      '200 history entries': round(median(full)),
      ratio: round(median(full) / median(empty)),
      target: '<= 1.1',
    },
  ]);
}
