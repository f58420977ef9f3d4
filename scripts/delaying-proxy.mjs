// A local HTTP proxy that holds every call for a while before it forwards it: a token endpoint
// as far away as a cloud team's, for the click -> screen figure of `npm run bench:token`.
import { createServer } from 'node:http';
import { request } from 'undici';

/**
 * A local proxy that waits `delayMs` give or take `jitterMs` (uniformly, a new wait per call),
 * then forwards the call to `target` and its answer back. The jitter keeps the answers from
 * arriving at one fixed point between two frames (60 ms is almost exactly four 60 Hz frames):
 * a fixed wait makes a click series either just make or just miss a frame, every time.
 */
export async function startDelayingProxy(target, delayMs, jitterMs = 0) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      setTimeout(
        async () => {
          try {
            const headers = { ...req.headers };
            delete headers.host;
            delete headers.connection;
            const answer = await request(target, {
              method: req.method,
              headers,
              body: Buffer.concat(chunks),
              headersTimeout: 10_000,
              bodyTimeout: 10_000,
            });
            const body = Buffer.from(await answer.body.arrayBuffer());
            const out = { ...answer.headers };
            delete out['transfer-encoding'];
            delete out.connection;
            res.writeHead(answer.statusCode, { ...out, 'content-length': String(body.length) });
            res.end(body);
          } catch (err) {
            res.writeHead(502, { 'content-type': 'text/plain' }).end(String(err));
          }
        },
        delayMs + (Math.random() * 2 - 1) * jitterMs,
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/oauth2/token`,
    close: () => server.close(),
  };
}
