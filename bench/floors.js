// The floors: the least work that produces the same result, written plainly with the fastest tools measured in
// ../shared/design/PERF-BASELINE.md. Each streams page by page (a page is parsed, written and dropped before the
// next is fetched), writes into a sink, and is checked by run.js to give exactly our bytes on a 1k read.
'use strict';
const http = require('node:http');
const { StringDecoder } = require('node:string_decoder');
const { SaxesParser } = require('saxes');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET `url` with node:http; resolves to the status, headers and body as a Buffer. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Sends `body` and resolves to the status, headers and body text. */
function request(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method, headers }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const escapeText = s => s.replace(/[&<>]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escapeAttr = s =>
  s.replace(/[&<>"]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
const spaces = n => ' '.repeat(n);

/** What the floors know of the model (a real client would read it from $metadata once). */
const SCHEMA = {
  entitySet: 'Products',
  entityType: 'Product',
  numericStrings: new Set(['Price', 'Stock']),
  dates: new Set(['ReleaseDate'])
};

// ---- X4 (OData V4 → X4 XML) ----

function x4Value(name, value, indent, out) {
  const pad = spaces(indent);
  if (value === null) out.push(`${pad}<Value type="Null" name="${name}"/>\n`);
  else if (typeof value === 'number') out.push(`${pad}<Value type="Number" name="${name}">${value}</Value>\n`);
  else if (typeof value === 'boolean') out.push(`${pad}<Value type="Boolean" name="${name}">${value}</Value>\n`);
  else if (typeof value === 'object') {
    out.push(`${pad}<Object name="${name}">\n`);
    for (const k in value) x4Value(k, value[k], indent + 2, out);
    out.push(`${pad}</Object>\n`);
  } else {
    const type = SCHEMA.numericStrings.has(name) ? 'Number' : 'String';
    out.push(`${pad}<Value type="${type}" name="${name}">${escapeText(value)}</Value>\n`);
  }
}

function x4Entity(entity, out) {
  out.push('    <Object>\n');
  for (const k in entity) x4Value(k, entity[k], 6, out);
  out.push('    </Object>\n');
}

/** V4 floor: node:http GET per page, JSON.parse, a minimal escaped X4 writer into `sink`. Resolves to the entity count. */
async function v4ReadToX4(serviceUrl, sink) {
  let url = `${serviceUrl}${SCHEMA.entitySet}`;
  let count = 0;
  let first = true;
  while (url) {
    const res = await get(url, { accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true' });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    const page = JSON.parse(res.body.toString('utf8'));
    const out = [];
    if (first) {
      out.push('<?xml version="1.0" encoding="UTF-8"?>\n<Object>\n');
      if (page['@odata.context'] !== undefined)
        out.push(`  <Value type="String" name="@odata.context">${escapeText(page['@odata.context'])}</Value>\n`);
      out.push('  <Array name="value">\n');
      first = false;
    }
    for (const entity of page.value) x4Entity(entity, out);
    count += page.value.length;
    url = page['@odata.nextLink'] ? new URL(page['@odata.nextLink'], url).href : undefined;
    if (!url) out.push('  </Array>\n</Object>\n');
    sink.write(out.join(''));
  }
  return count;
}

// ---- CPI XML (OData V2 → <Products><Product>…) ----

/** An entity as the V2 floors hold it: etag and [name, value] pairs, value a string, null, or nested pairs. */
function cpiProperties(props, indent, out) {
  const pad = spaces(indent);
  for (const [name, value] of props) {
    if (value === null) out.push(`${pad}<${name} xsi:nil="true"/>\n`);
    else if (Array.isArray(value)) {
      out.push(`${pad}<${name}>\n`);
      cpiProperties(value, indent + 2, out);
      out.push(`${pad}</${name}>\n`);
    } else out.push(`${pad}<${name}>${escapeText(value)}</${name}>\n`);
  }
}

function cpiEntity(etag, props, out) {
  out.push(etag === undefined ? `  <${SCHEMA.entityType}>\n` : `  <${SCHEMA.entityType} etag="${escapeAttr(etag)}">\n`);
  cpiProperties(props, 4, out);
  out.push(`  </${SCHEMA.entityType}>\n`);
}

const cpiHead = () =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${SCHEMA.entitySet} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n`;
const cpiTail = () => `</${SCHEMA.entitySet}>\n`;

/** ISO 8601 from a V2 JSON date literal /Date(ms+0000)/, milliseconds only when there are some. */
function v2Date(literal) {
  const ms = Number(/^\/Date\((-?\d+)/.exec(literal)[1]);
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

function v2JsonPairs(object) {
  const pairs = [];
  for (const name in object) {
    if (name === '__metadata') continue;
    const v = object[name];
    if (v === null) pairs.push([name, null]);
    else if (typeof v === 'object') pairs.push([name, v2JsonPairs(v)]);
    else pairs.push([name, SCHEMA.dates.has(name) ? v2Date(v) : String(v)]);
  }
  return pairs;
}

/** V2 JSON floor: node:http GET per page, JSON.parse, the CPI XML writer into `sink`. */
async function v2JsonReadToXml(serviceUrl, sink) {
  let url = `${serviceUrl}${SCHEMA.entitySet}`;
  let count = 0;
  sink.write(cpiHead());
  while (url) {
    const res = await get(url, { accept: 'application/json' });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    const { d } = JSON.parse(res.body.toString('utf8'));
    const out = [];
    for (const entity of d.results) cpiEntity(entity.__metadata?.etag, v2JsonPairs(entity), out);
    count += d.results.length;
    sink.write(out.join(''));
    url = d.__next ? new URL(d.__next, url).href : undefined;
  }
  sink.write(cpiTail());
  return count;
}

/** Atom floor: the response streamed through saxes, each entry written as it closes; the next link followed. */
async function atomReadToXml(serviceUrl, sink) {
  let url = `${serviceUrl}${SCHEMA.entitySet}`;
  let count = 0;
  sink.write(cpiHead());
  while (url) {
    const { next, entities } = await atomPage(url, sink);
    count += entities;
    url = next;
  }
  sink.write(cpiTail());
  return count;
}

function atomPage(url, sink) {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser();
    let base = url;
    let next;
    let entities = 0;
    let out = [];
    let etag;
    let stack; // property pair lists, innermost last, while inside <m:properties>
    let text = '';
    let nil = false;
    parser.on('opentag', tag => {
      const name = tag.name;
      if (stack !== undefined) {
        const pairs = [];
        stack[stack.length - 1].push([name.slice(2), pairs]);
        stack.push(pairs);
        text = '';
        nil = tag.attributes['m:null'] === 'true';
      } else if (name === 'entry') etag = tag.attributes['m:etag'];
      else if (name === 'm:properties') stack = [[]];
      else if (name === 'feed' && tag.attributes['xml:base']) base = tag.attributes['xml:base'];
      else if (name === 'link' && tag.attributes.rel === 'next') next = new URL(tag.attributes.href, base).href;
    });
    parser.on('text', t => {
      if (stack !== undefined) text += t;
    });
    parser.on('closetag', tag => {
      if (stack === undefined) {
        if (tag.name === 'entry') {
          entities++;
          if (out.length > 200) {
            sink.write(out.join(''));
            out = [];
          }
        }
        return;
      }
      if (tag.name === 'm:properties') {
        cpiEntity(etag, stack[0], out);
        stack = undefined;
        return;
      }
      const pairs = stack.pop();
      const holder = stack[stack.length - 1];
      const last = holder[holder.length - 1];
      if (nil) last[1] = null;
      else if (pairs.length === 0) last[1] = text;
      nil = false;
      text = '';
    });
    parser.on('error', reject);
    http
      .get(url, { agent, headers: { accept: 'application/atom+xml,application/xml;q=0.9' } }, res => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode}`));
        const decoder = new StringDecoder('utf8');
        res.on('data', c => parser.write(decoder.write(c)));
        res.on('end', () => {
          parser.write(decoder.end());
          parser.close();
          sink.write(out.join(''));
          resolve({ next, entities });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

// ---- $batch (OData V2, JSON bodies) ----

/** The JSON body we send to create `p` (the same property order and literals). */
function createBody(p) {
  return JSON.stringify({
    ID: p.ID,
    Name: p.Name,
    Description: p.Description,
    ReleaseDate: `/Date(${p.ReleaseDate}+0000)/`,
    Price: p.Price,
    Rating: String(p.Rating),
    Discontinued: p.Discontinued,
    UUID: p.UUID,
    Stock: p.Stock,
    Address: { Street: p.Address.Street, City: p.Address.City }
  });
}

let batchCounter = 0;
const boundaryName = kind => `${kind}_${'bench'.padEnd(24, '0')}_${String(++batchCounter).padStart(6, '0')}`;

/** The multipart body for creating `products` in changesets of `changesetSize`, framed as we frame it. */
function batchBody(products, changesetSize) {
  const boundary = boundaryName('batch');
  const out = [];
  for (let start = 0; start < products.length; start += changesetSize) {
    const changeset = boundaryName('changeset');
    let contentId = 0; // Content-IDs count within a changeset
    out.push(`--${boundary}\r\nContent-Type: multipart/mixed; boundary=${changeset}\r\n\r\n`);
    for (const p of products.slice(start, start + changesetSize)) {
      const json = createBody(p);
      out.push(
        `--${changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ${++contentId}\r\n\r\n` +
          `POST ${SCHEMA.entitySet} HTTP/1.1\r\naccept: application/json\r\ndataserviceversion: 2.0\r\ncontent-type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}\r\n`
      );
    }
    out.push(`--${changeset}--\r\n`);
  }
  out.push(`--${boundary}--\r\n`);
  return { boundary, body: out.join('') };
}

const boundaryOf = contentType => /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];

/** Splits a multipart text into its parts (preamble and epilogue dropped). */
function splitParts(text, boundary) {
  const pieces = text.split(`--${boundary}`);
  const parts = [];
  for (let i = 1; i < pieces.length && !pieces[i].startsWith('--'); i++) parts.push(pieces[i]);
  return parts;
}

/** Batch floor: CSRF HEAD, build the multipart, POST it, split the answer and decode every part. */
async function batchCreate(serviceUrl, products, changesetSize) {
  const head = await request(serviceUrl, 'HEAD', { 'x-csrf-token': 'Fetch' });
  const { boundary, body } = batchBody(products, changesetSize);
  const res = await request(
    `${serviceUrl}$batch`,
    'POST',
    {
      accept: 'multipart/mixed',
      'content-type': `multipart/mixed; boundary=${boundary}`,
      dataserviceversion: '2.0',
      'x-csrf-token': head.headers['x-csrf-token'],
      'content-length': Buffer.byteLength(body)
    },
    body
  );
  let created = 0;
  let bytes = 0;
  for (const part of splitParts(res.text, boundaryOf(res.headers['content-type']))) {
    const inner = boundaryOf(part.slice(0, part.indexOf('\r\n\r\n')));
    for (const item of inner ? splitParts(part, inner) : [part]) {
      const http = item.indexOf('HTTP/1.1 ');
      const status = Number(item.slice(http + 9, http + 12));
      const bodyAt = item.indexOf('\r\n\r\n', http);
      const entity = JSON.parse(item.slice(bodyAt + 4).trimEnd()).d;
      if (status === 201 && entity.ID !== undefined) created++;
      bytes += item.length;
    }
  }
  if (created !== products.length) throw new Error(`batch floor: ${created} of ${products.length} created`);
  return { created, requestBytes: Buffer.byteLength(body), responseBytes: bytes };
}

module.exports = { get, v4ReadToX4, v2JsonReadToXml, atomReadToXml, batchCreate, batchBody, createBody, SCHEMA };
