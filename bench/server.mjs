// Static file server for the benchmark: serves one site root on 127.0.0.1 like a real static host.
//
// Method: every file under the root is read and, for text-like and WASM types, gzip-compressed
// (level 9) once when the server starts, and kept in memory. Requests that accept gzip get the
// compressed bytes with `Content-Encoding: gzip`, so compression time never counts against any
// page and the bytes on the wire are what a host with precompressed assets would send.
import { createServer } from 'node:http';
import { gzipSync, constants } from 'node:zlib';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { TYPES } from '../tests/e2e/mime.mjs';

const COMPRESSIBLE = /html|javascript|css|wasm|json|svg/;

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Loads and compresses every file under `root`: a Map from URL path to {type, raw, gz}. */
async function load(root) {
  const files = new Map();
  for (const file of await walk(root)) {
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const raw = await readFile(file);
    const gz = COMPRESSIBLE.test(type) ? gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }) : null;
    files.set('/' + relative(root, file).split(sep).join('/'), { type, raw, gz });
  }
  return files;
}

/** Serves `root` on 127.0.0.1 at a free port; resolves to {url, close}. */
export async function serve(root) {
  const files = await load(resolve(root));
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const gzip = file.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? file.gz : file.raw;
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(ok);
      }),
  };
}
