// One measurement in a process of its own, so its peak RSS is its own: `node --expose-gc bench/measure.js '<spec>'`
// with spec = { figure, n, base, warmupN, warmups, runs, budgetMs, checkFile? }. It warms up on warmupN, then
// times up to `runs` runs (fewer once budgetMs is spent, at least one), and prints one JSON line: medians of wall
// and CPU time (process.cpuUsage, this process only: the server is another), output bytes and peak RSS.
// With checkFile it makes one run, writes the output there and prints it was written (run.js compares).
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const data = require('./data');

const root = (kind, n) => `${process.env.BENCH_BASE}/${kind}/n${n}/`;

/** A sink that counts the UTF-8 bytes it is given (and keeps them when asked to). */
function createSink(keep) {
  const chunks = keep ? [] : undefined;
  return {
    bytes: 0,
    write(chunk) {
      this.bytes += Buffer.byteLength(chunk);
      chunks?.push(chunk);
      return true; // never full: the runtime need not wait for 'drain'
    },
    once: () => undefined,
    text: () => chunks.join('')
  };
}

const products = n => Array.from({ length: n }, (_, i) => data.product(i));
const SMALL_IDS = 1000;

/** Each figure: setup(n) before the clock (input, clients), once(state, sink) timed. */
const FIGURES = {
  'v4-floor': { setup: n => ({ n }), once: ({ n }, sink) => require('./floors').v4ReadToX4(root('v4', n), sink) },
  'v4-ours': {
    setup: n => ({ n, rt: require('./ours').createOurs() }),
    once: ({ n, rt }, sink) => require('./ours').readV4(rt, root('v4', n), sink)
  },
  'v4-sap': {
    setup: n => ({ n }),
    once: async ({ n }) => {
      const entities = await require('./sap-peer').sapReadV4(root('v4', n));
      if (entities.length !== n) throw new Error(`SAP peer read ${entities.length} of ${n}`);
    }
  },
  'v2json-floor': {
    setup: n => ({ n }),
    once: ({ n }, sink) => require('./floors').v2JsonReadToXml(root('v2', n), sink)
  },
  'v2json-ours': {
    setup: n => ({ n, rt: require('./ours').createOurs() }),
    once: ({ n, rt }, sink) => require('./ours').readV2(rt, root('v2', n), 'json', sink)
  },
  'atom-floor': { setup: n => ({ n }), once: ({ n }, sink) => require('./floors').atomReadToXml(root('v2', n), sink) },
  'atom-ours': {
    setup: n => ({ n, rt: require('./ours').createOurs() }),
    once: ({ n, rt }, sink) => require('./ours').readV2(rt, root('v2', n), 'atom', sink)
  },
  'batch-floor': {
    setup: n => ({ n, products: products(n) }),
    once: ({ n, products }) => require('./floors').batchCreate(root('v2', n), products, 100)
  },
  'batch-ours': {
    setup: n => ({
      n,
      rt: require('./ours').createOurs(),
      envelope: require('./ours').batchEnvelope(products(n), 100)
    }),
    once: ({ n, rt, envelope }, sink) => require('./ours').batchCreate(rt, root('v2', n), envelope, sink)
  },
  // n = the number of sequential requests per run; the figure is per request.
  'small-ours': {
    setup: n => ({ n, rt: require('./ours').createOurs() }),
    once: async ({ n, rt }, sink) => {
      const { readSingle } = require('./ours');
      for (let i = 0; i < n; i++) await readSingle(rt, root('v4', SMALL_IDS), i % SMALL_IDS, sink);
    }
  },
  'small-axios': {
    setup: n => ({ n, axios: require('axios') }),
    once: async ({ n, axios }) => {
      for (let i = 0; i < n; i++) {
        const res = await axios.get(`${root('v4', SMALL_IDS)}Products(${i % SMALL_IDS})`);
        if (res.data.ID !== i % SMALL_IDS) throw new Error('axios: wrong entity');
      }
    }
  },
  'small-undici': {
    setup: n => ({ n, undici: require('undici') }),
    once: async ({ n, undici }) => {
      for (let i = 0; i < n; i++) {
        const res = await undici.request(`${root('v4', SMALL_IDS)}Products(${i % SMALL_IDS})`);
        const body = await res.body.json();
        if (body.ID !== i % SMALL_IDS) throw new Error('undici: wrong entity');
      }
    }
  }
};

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const spec = JSON.parse(process.argv[2]);
  const figure = FIGURES[spec.figure];
  if (!figure) throw new Error(`unknown figure ${spec.figure}`);
  if (spec.checkFile) {
    const sink = createSink(true);
    await figure.once(await figure.setup(spec.n), sink);
    fs.writeFileSync(spec.checkFile, sink.text());
    return { figure: spec.figure, n: spec.n, checkFile: spec.checkFile, outBytes: sink.bytes };
  }
  if (spec.warmups > 0) {
    const warm = await figure.setup(spec.warmupN);
    for (let i = 0; i < spec.warmups; i++) await figure.once(warm, createSink(false));
  }
  const state = await figure.setup(spec.n);
  const wall = [];
  const cpu = [];
  let outBytes = 0;
  const started = performance.now();
  for (let r = 0; r < spec.runs; r++) {
    global.gc?.();
    const sink = createSink(false);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await figure.once(state, sink);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    outBytes = sink.bytes;
    if (performance.now() - started > spec.budgetMs) break;
  }
  return {
    figure: spec.figure,
    n: spec.n,
    runs: wall.length,
    wallMs: median(wall),
    wallMinMs: Math.min(...wall),
    wallMaxMs: Math.max(...wall),
    cpuMs: median(cpu),
    outBytes,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6
  };
}

main().then(
  result => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  error => {
    process.stdout.write(`${JSON.stringify({ error: String(error?.message ?? error).split('\n')[0] })}\n`);
    process.exit(0);
  }
);
