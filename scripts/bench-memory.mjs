// Memory benchmark for stored API responses (issue 10, defect 4): seven 200 MB JSON responses
// from a local server (its own process) go through the real HTTP client into the real response
// store, each paged and searched (pretty view and raw) as the response view does. Prints the
// process RSS against the configured memory limit after each response and at the end, and the
// ratio to the target (1.3 x limit + 300 MB). One run per mode, each in a fresh process: the
// default caps (bodies above 64 MB spill to a file), and everything kept in memory (spill cap
// above the body size; only the counted limit holds memory down). Prints figures; asserts
// nothing.
// Usage: npm run bench:memory [-- --count 7 --mb 200 --limit-mb 1024 --spill-mb 64]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSources } from './bundle-sources.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('--count', 7);
const mb = arg('--mb', 200);
const limitMb = arg('--limit-mb', 1024);
const spillMb = arg('--spill-mb', 64);
const work = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-memory-'));

// The server: one minified JSON array of about `mb` MB, served again for every request.
const serverCode = `
  const { createServer } = require('node:http');
  const mb = ${mb};
  const parts = []; let bytes = 2;
  for (let i = 0; bytes < mb * 1024 * 1024; i++) {
    const r = JSON.stringify({ id: i, email: 'user' + i + '@example.com', name: 'User number ' + i,
      groups: ['Process analysts', 'Viewers'], active: i % 3 !== 0,
      note: 'lorem ipsum dolor sit amet, consectetur adipiscing elit' });
    parts.push(r); bytes += r.length + 1;
  }
  const body = Buffer.from('[' + parts.join(',') + ']');
  parts.length = 0;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

// The client: the app's own modules, bundled from source (beside node_modules, so its packages
// resolve).
const driver = await bundleSources({
  name: 'twb-bench-memory/driver.mjs',
  contents: `
      import { sendRequest } from './electron/services/http-client';
      import { ResponseStore } from './electron/services/responses/response-store';
      const [port, count, limitMb, spillMb, spillDir] = process.argv.slice(2);
      const MB = 1024 * 1024;
      const limits = { memoryBytes: Number(limitMb) * MB, spillAboveBytes: Number(spillMb) * MB };
      const store = new ResponseStore({ spillDir, limits: () => limits });
      const rss = () => process.memoryUsage().rss;
      let peak = 0;
      const timer = setInterval(() => (peak = Math.max(peak, rss())), 20);
      for (let n = 1; n <= Number(count); n++) {
        const c = store.collector();
        const out = await sendRequest(
          { method: 'GET', url: 'http://127.0.0.1:' + port + '/big', headers: [], body: undefined },
          { timeoutSeconds: 300, step: 'api-call', onBodyChunk: (chunk) => c.push(chunk) },
        );
        if (!out.response) throw new Error(out.failure?.message ?? 'no response');
        const info = c.finish(out.response.contentType);
        const first = await store.page(info.id, 'pretty', 0, 50);
        await store.search(info.id, 'pretty', 'user123456@');
        await store.search(info.id, 'raw', 'USER NUMBER 99');
        const middle = await store.page(info.id, 'pretty', Math.floor(first.total / 2), 50);
        if (middle.lines.length === 0) throw new Error('no pretty lines');
        peak = Math.max(peak, rss());
        process.stdout.write(JSON.stringify({
          n, size: info.size, rss: rss(), peak, counted: store.memoryUsed(),
          kept: store.placement().length,
          inMemory: store.placement().filter((p) => p.inMemory).length,
        }) + '\\n');
      }
      clearInterval(timer);
      await store.close();
      process.stdout.write(JSON.stringify({ done: true, peak: Math.max(peak, process.resourceUsage().maxRSS * 1024) }) + '\\n');
    `,
});

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
  const lines = [];
  let buffered = '';
  child.stdout.on('data', (d) => {
    buffered += d;
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      lines.push(buffered.slice(0, i));
      buffered = buffered.slice(i + 1);
      child.emit('line', lines[lines.length - 1]);
    }
  });
  return { child, lines, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

const server = run(process.execPath, ['-e', serverCode]);
const port = await new Promise((resolve) => server.child.once('line', resolve));

const fmt = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const target = (1.3 * limitMb + 300) * 1024 * 1024;
const modes = [
  { name: `spill above ${spillMb} MB (default caps)`, spill: spillMb },
  { name: `all in memory (spill cap ${mb + 1} MB)`, spill: mb + 1 },
];
console.log(
  `bench:memory: ${count} responses of ${mb} MB, memory limit ${limitMb} MB, ` +
    `target RSS <= 1.3 x limit + 300 MB = ${fmt(target)}`,
);
for (const mode of modes) {
  const spillDir = path.join(work, `spill-${mode.spill}`);
  const client = run(process.execPath, [
    driver,
    String(port),
    String(count),
    String(limitMb),
    String(mode.spill),
    spillDir,
  ]);
  console.log(`\n${mode.name}`);
  console.log('  #   RSS now   RSS peak   counted   kept (in memory)   RSS / limit');
  client.child.on('line', (line) => {
    const r = JSON.parse(line);
    if (r.done) return;
    console.log(
      `  ${String(r.n).padEnd(3)} ${fmt(r.rss).padStart(8)} ${fmt(r.peak).padStart(10)} ` +
        `${fmt(r.counted).padStart(9)}   ${`${r.kept} (${r.inMemory})`.padEnd(17)}  ` +
        `${(r.rss / (limitMb * 1024 * 1024)).toFixed(2)}`,
    );
  });
  const code = await client.exited;
  const done = client.lines.map((l) => JSON.parse(l)).find((r) => r.done);
  if (code !== 0 || !done) {
    console.log(`  the client exited with code ${code}`);
    continue;
  }
  console.log(
    `  peak RSS ${fmt(done.peak)} = ${(done.peak / (limitMb * 1024 * 1024)).toFixed(2)} x limit; ` +
      `peak / target = ${(done.peak / target).toFixed(2)} (<= 1.00 meets the target)`,
  );
}
server.child.kill();
await server.exited;
rmSync(work, { recursive: true, force: true });
