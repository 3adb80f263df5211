// A loopback OData service for the bench: recorded pages served from memory, nothing computed per request.
// Run as its own process (`node bench/static-server.js`): it prints `{"url": …}` once it listens, so its CPU
// and memory stay out of the measured processes. Routes, under a service root `/<kind>/n<N>/`:
//   v4:  $metadata, Products[?$skiptoken=K] (JSON pages with @odata.nextLink), Products(<id>)
//   v2:  $metadata, Products[?$skiptoken=K] (JSON verbose, or Atom when Accept asks for it; __next / rel="next"),
//        HEAD|GET <root> (X-CSRF-Token), POST $batch (every changeset part answered 201 with its body echoed)
//   /__prepare?sets=v4:1000000,v2:100000,atom:100000 renders those pages ahead (answers the wire bytes),
//   /__stats answers what the last $batch request looked like.
'use strict';
const http = require('node:http');
const { createHash } = require('node:crypto');
const data = require('./data');

const pageCache = { v4: new Map(), v2: new Map(), atom: new Map() };

/** The N-independent middle of page `page` of kind `kind`, rendered once and kept as bytes. */
function pageBody(kind, page, count) {
  const key = `${page}:${count}`;
  let body = pageCache[kind].get(key);
  if (body === undefined) {
    body = Buffer.from(data[kind].body(page, count));
    pageCache[kind].set(key, body);
  }
  return body;
}

/** The three buffers of one page of N entities under service root `root`. */
function pageParts(kind, root, n, page) {
  const last = page === data.pageCount(n) - 1;
  const next = last ? undefined : `${root}Products?$skiptoken=${(page + 1) * data.PAGE_SIZE}`;
  return [
    Buffer.from(data[kind].head(root)),
    pageBody(kind, page, data.pageLength(n, page)),
    Buffer.from(data[kind].tail(next))
  ];
}

const CONTENT_TYPE = {
  v4: 'application/json;odata.metadata=minimal;IEEE754Compatible=true;charset=utf-8',
  v2: 'application/json;charset=utf-8',
  atom: 'application/atom+xml;type=feed;charset=utf-8'
};
const VERSION_HEADER = {
  v4: { 'odata-version': '4.0' },
  v2: { dataserviceversion: '2.0' },
  atom: { dataserviceversion: '2.0' }
};

function send(res, status, headers, parts) {
  const buffers = (Array.isArray(parts) ? parts : [parts]).map(p => (typeof p === 'string' ? Buffer.from(p) : p));
  res.writeHead(status, { ...headers, 'content-length': buffers.reduce((a, b) => a + b.length, 0) });
  for (const b of buffers) res.write(b);
  res.end();
}

const lastBatch = { requestBytes: 0, changesets: 0, parts: 0, firstPart: '', sha1: '' };

/** Answers an OData V2 $batch: every changeset part gets 201 with `{"d": <its body>}`, every query part 200. */
function answerBatch(root, contentType, body) {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error('no boundary');
  const out = [];
  const respBoundary = 'batchresponse_bench';
  let changesets = 0;
  let parts = 0;
  for (const part of splitMultipart(body, boundary)) {
    const { headers, content } = splitHeaders(part);
    const inner = /boundary=("?)([^";]+)\1/i.exec(headers)?.[2];
    out.push(`--${respBoundary}\r\n`);
    if (inner) {
      changesets++;
      const csBoundary = `changesetresponse_${changesets}`;
      out.push(`Content-Type: multipart/mixed; boundary=${csBoundary}\r\n\r\n`);
      for (const request of splitMultipart(content, inner)) {
        parts++;
        const { headers: partHeaders, content: http } = splitHeaders(request);
        const contentId = /content-id:\s*(\S+)/i.exec(partHeaders)?.[1];
        if (parts === 1) lastBatch.firstPart = request.slice(0, 4000);
        const { content: entity } = splitHeaders(http);
        const answer = `{"d":${entity.trim() || '{}'}}`;
        out.push(
          `--${csBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n` +
            `${contentId ? `Content-ID: ${contentId}\r\n` : ''}\r\nHTTP/1.1 201 Created\r\nContent-Type: application/json\r\n` +
            `Location: ${root}Products(${parts})\r\nDataServiceVersion: 2.0\r\nContent-Length: ${Buffer.byteLength(answer)}\r\n\r\n${answer}\r\n`
        );
      }
      out.push(`--${csBoundary}--\r\n\r\n`);
    } else {
      parts++;
      const answer = '{"d":{"results":[]}}';
      out.push(
        'Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 200 OK\r\n' +
          `Content-Type: application/json\r\nContent-Length: ${answer.length}\r\n\r\n${answer}\r\n`
      );
    }
  }
  out.push(`--${respBoundary}--\r\n`);
  // The hash ignores the random part of the boundaries, so two clients framing the same batch hash alike.
  const sha1 = createHash('sha1')
    .update(body.replace(/(batch|changeset)_[0-9a-z]{24}_\d{6}/g, '$1_X'))
    .digest('hex');
  Object.assign(lastBatch, { requestBytes: Buffer.byteLength(body), changesets, parts, sha1 });
  return { boundary: respBoundary, body: out.join('') };
}

/** The parts between `--boundary` delimiters (the preamble and epilogue dropped). */
function splitMultipart(text, boundary) {
  const delimiter = `--${boundary}`;
  const pieces = text.split(delimiter);
  const parts = [];
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.startsWith('--')) break;
    parts.push(piece.replace(/^\r?\n/, '').replace(/\r?\n$/, ''));
  }
  return parts;
}

function splitHeaders(part) {
  const m = /\r?\n\r?\n/.exec(part);
  return m
    ? { headers: part.slice(0, m.index), content: part.slice(m.index + m[0].length) }
    : { headers: part, content: '' };
}

function prepare(sets, host) {
  const bytes = {};
  for (const spec of sets.split(',').filter(Boolean)) {
    const [kind, nText] = spec.split(':');
    const n = Number(nText);
    const root = `http://${host}/${kind === 'v4' ? 'v4' : 'v2'}/n${n}/`;
    let total = 0;
    for (let page = 0; page < data.pageCount(n); page++)
      total += pageParts(kind, root, n, page).reduce((a, b) => a + b.length, 0);
    bytes[spec] = total;
  }
  return bytes;
}

function handle(req, res, body) {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/__prepare')
    return send(
      res,
      200,
      { 'content-type': 'application/json' },
      JSON.stringify(prepare(url.searchParams.get('sets') ?? '', req.headers.host))
    );
  if (url.pathname === '/__stats')
    return send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(lastBatch));
  const m = /^\/(v4|v2)\/n(\d+)\/(.*)$/.exec(url.pathname);
  if (!m) return send(res, 404, {}, 'not found');
  const [, version, nText, rest] = m;
  const n = Number(nText);
  const root = `http://${req.headers.host}/${version}/n${n}/`;
  const accept = req.headers.accept ?? '';
  const kind =
    version === 'v4' ? 'v4' : /atom/.test(accept) || url.searchParams.get('$format') === 'atom' ? 'atom' : 'v2';
  if (rest === '$metadata')
    return send(res, 200, { 'content-type': 'application/xml', ...VERSION_HEADER[kind] }, data[version].metadata());
  if (rest === '' && (req.method === 'HEAD' || req.method === 'GET')) {
    res.writeHead(200, {
      'x-csrf-token': 'bench-token',
      'content-type': 'application/json',
      'content-length': 2,
      ...VERSION_HEADER[kind]
    });
    return res.end(req.method === 'HEAD' ? undefined : '{}');
  }
  if (rest === '$batch' && req.method === 'POST') {
    const answer = answerBatch(root, req.headers['content-type'] ?? '', body);
    return send(
      res,
      202,
      { 'content-type': `multipart/mixed; boundary=${answer.boundary}`, dataserviceversion: '2.0' },
      answer.body
    );
  }
  if (rest === 'Products') {
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = Math.floor(skip / data.PAGE_SIZE);
    if (page >= data.pageCount(n) && n > 0) return send(res, 404, {}, 'no such page');
    return send(
      res,
      200,
      { 'content-type': CONTENT_TYPE[kind], ...VERSION_HEADER[kind] },
      pageParts(kind, root, n, page)
    );
  }
  const single = /^Products\((\d+)\)$/.exec(rest);
  if (single && version === 'v4')
    return send(res, 200, { 'content-type': CONTENT_TYPE.v4, ...VERSION_HEADER.v4 }, data.v4.single(Number(single[1])));
  return send(res, 404, {}, 'not found');
}

/** Starts the server on a free loopback port; resolves to its base URL. */
function start(port = 0) {
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        send(res, 500, { 'content-type': 'text/plain' }, String(e?.stack ?? e));
      }
    });
  });
  return new Promise(resolve =>
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }))
  );
}

module.exports = { start, splitMultipart, splitHeaders };

if (require.main === module) {
  start().then(({ url }) => process.stdout.write(`${JSON.stringify({ url })}\n`));
}
