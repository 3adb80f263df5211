// The writer/parser section of `npm run bench` (run.js runs it as a child; `--quick` keeps to 1k). Prints medians;
// compare against ../shared/design/PERF-BASELINE.md. Measures the two choices that dominate big results: the X4
// output writer, and envelope parsing.
'use strict';
const { performance } = require('node:perf_hooks');
const { XmlWriter, jsonToX4, writeX4Node, parseXml } = require('../dist/src/sdk');
const { create } = require('xmlbuilder2');

function product(i) {
  return {
    ID: i,
    Name: `Product ${i} & <Ergo> "Screen" € 日本`,
    Description: `Optimum Hi-Resolution max. 1600 x 1200 @ 85Hz, Dot Pitch: 0.24mm #${i}`,
    Price: `${(i % 1000) + 0.5}0`,
    Big: '9007199254740993',
    Flag: i % 2 === 0,
    Address: { Street: `Street ${i}`, City: 'Madrid' }
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label, n, runs, fn) {
  fn(); // warm-up
  const ms = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    global.gc?.();
    const t0 = performance.now();
    bytes = fn();
    ms.push(performance.now() - t0);
  }
  const m = median(ms);
  const rss = process.memoryUsage().rss / 1e6;
  console.log(
    `${label.padEnd(44)} N=${String(n).padStart(6)}  ${m.toFixed(1).padStart(8)} ms  ${Math.round(n / (m / 1000))
      .toString()
      .padStart(8)} ent/s  ${(bytes / 1e6).toFixed(1).padStart(6)} MB out  rss ${rss.toFixed(0)} MB`
  );
}

function x4WithWriter(entities) {
  const w = new XmlWriter();
  w.declaration();
  writeX4Node(w, jsonToX4({ '@odata.context': '$metadata#Products', value: entities }));
  return w.toString().length;
}

function x4WithStreamingWriter(entities) {
  let bytes = 0;
  const w = new XmlWriter(chunk => (bytes += Buffer.byteLength(chunk)));
  w.declaration();
  w.open('Object');
  w.open('Array', [['name', 'value']]);
  for (const e of entities) writeX4Node(w, jsonToX4(e));
  w.close();
  w.close();
  w.flush();
  return bytes;
}

function x4WithXmlbuilder2(entities) {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('Object');
  const arr = root.ele('Array', { name: 'value' });
  for (const e of entities) {
    const o = arr.ele('Object');
    for (const [k, v] of Object.entries(e)) {
      if (v !== null && typeof v === 'object') {
        const c = o.ele('Object', { name: k });
        for (const [k2, v2] of Object.entries(v)) c.ele('Value', { type: 'String', name: k2 }).txt(String(v2));
      } else
        o.ele('Value', {
          type: typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String',
          name: k
        }).txt(String(v));
    }
  }
  return doc.end({ prettyPrint: true }).length;
}

function envelope(n) {
  const props = i =>
    `<Property name="ID" value="${i}" type="Int32" isId="true"/><Property name="Name" value="N &amp; ${i}" type="String"/><Property name="Price" value="4045.10" type="Decimal"/>`;
  return `<Request>${Array.from({ length: n }, (_, i) => `<Entity entitySet="Products">${props(i)}</Entity>`).join('')}</Request>`;
}

const quick = process.argv.includes('--quick');
for (const n of quick ? [1_000] : [1_000, 10_000]) {
  const entities = Array.from({ length: n }, (_, i) => product(i));
  time('X4 output, XmlWriter (buffered string)', n, 5, () => x4WithWriter(entities));
  time('X4 output, XmlWriter (streaming sink)', n, 5, () => x4WithStreamingWriter(entities));
  time('X4 output, xmlbuilder2 (for comparison)', n, 3, () => x4WithXmlbuilder2(entities));
}
if (!quick) {
  const n = 100_000;
  const entities = Array.from({ length: n }, (_, i) => product(i));
  time('X4 output, XmlWriter (streaming sink)', n, 3, () => x4WithStreamingWriter(entities));
}
for (const n of [10, 1_000]) {
  const xml = envelope(n);
  time('envelope parse (parseXml, pinned options)', n, 5, () => (parseXml(xml), xml.length));
}
