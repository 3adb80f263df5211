// The benchmark (never a timed test): `npm run bench` (builds first), `-- --quick` for a 1k smoke run, `-- --save`
// to write bench/RESULTS.md with the machine, `-- --size=100000` for one size, `-- --only=v4,batch` for some
// groups (v4 v2json atom batch small require writer). A loopback static server (static-server.js, its own process) serves recorded pages from memory;
// each figure runs in a process of its own (measure.js) — a median after warm-up, with its own peak RSS — and our
// figures are set side by side with floors measured in the same run (floors.js, first checked to give our bytes)
// and with the SAP Cloud SDK (sap-peer.js). The issue-10 targets are judged on these ratios.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { get } = require('./floors');

const getJson = async url => JSON.parse((await get(url)).body.toString('utf8'));

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SAVE = args.includes('--save');
const ONLY = args
  .find(a => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wants = group => !ONLY || ONLY.includes(group);
const log = message => process.stderr.write(`[bench] ${message}\n`);

const K = 1_000;
// --size=N: every group at N entities only (a look at one size while working; not a full run)
const SIZE = Number(args.find(a => a.startsWith('--size='))?.slice(7) ?? NaN);
const SIZES = Number.isSafeInteger(SIZE)
  ? { v4: [SIZE], v2json: [SIZE], atom: [SIZE], batch: [SIZE] }
  : QUICK
    ? { v4: [K], v2json: [K], atom: [K], batch: [K] }
    : { v4: [10 * K, 100 * K, 1000 * K], v2json: [10 * K, 100 * K], atom: [10 * K, 100 * K], batch: [K, 10 * K] };
const SMALL_REQUESTS = 200; // sequential requests per timed run
const CHILD_TIMEOUT_MS = QUICK ? 120_000 : 20 * 60_000;

/** Warm-up and run counts: a median after warm-up, fewer runs where one run takes long. */
function plan(n) {
  if (QUICK) return { warmupN: n, warmups: 2, runs: 5, budgetMs: 5_000 };
  if (n <= 10 * K) return { warmupN: n, warmups: 2, runs: 7, budgetMs: 30_000 };
  return { warmupN: 10 * K, warmups: 1, runs: n >= 1000 * K ? 3 : 5, budgetMs: 45_000 };
}

// ---------------------------------------------------------------- processes

function startServer() {
  const child = spawn(process.execPath, [path.join(__dirname, 'static-server.js')], {
    stdio: ['ignore', 'pipe', 'inherit']
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', c => {
      out += c;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ child, url: JSON.parse(line).url });
    });
    child.on('exit', code => reject(new Error(`static server exited (${code})`)));
  });
}

/** Runs one measurement in its own process; resolves to its result or { error }. */
function measure(base, spec) {
  return new Promise(resolve => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'measure.js'), JSON.stringify(spec)], {
      cwd: ROOT,
      env: { ...process.env, BENCH_BASE: base },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', c => (stdout += c));
    child.stderr.on('data', c => (stderr = (stderr + c).slice(-20_000)));
    const timer = setTimeout(() => {
      stderr += `\nbench: timeout after ${CHILD_TIMEOUT_MS / 1000} s`;
      child.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      const line = stdout.trim().split('\n').pop();
      let result;
      try {
        result = JSON.parse(line);
      } catch {
        result = undefined;
      }
      if (result && !result.error) return resolve(result);
      let reason = result?.error;
      if (!reason) {
        if (/heap out of memory/i.test(stderr)) reason = `JavaScript heap out of memory after ${seconds} s`;
        else if (/timeout after/.test(stderr)) reason = `timeout after ${CHILD_TIMEOUT_MS / 1000} s`;
        else reason = `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
      }
      resolve({ figure: spec.figure, n: spec.n, error: reason });
    });
  });
}

// ---------------------------------------------------------------- checks

/** Runs a floor and ours once on the same 1k data and fails the bench loudly unless the bytes are identical. */
async function checkIdentical(base, floor, ours, n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-bench-'));
  try {
    const a = await measure(base, { figure: floor, n, checkFile: path.join(dir, 'floor.xml') });
    const b = await measure(base, { figure: ours, n, checkFile: path.join(dir, 'ours.xml') });
    if (a.error || b.error) fail(`${floor} vs ${ours}: ${a.error ?? b.error}`);
    const x = fs.readFileSync(a.checkFile);
    const y = fs.readFileSync(b.checkFile);
    if (!x.equals(y)) {
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      const around = buf => JSON.stringify(buf.subarray(Math.max(0, i - 120), i + 120).toString());
      fail(
        `${floor} and ${ours} differ at byte ${i} (${x.length} vs ${y.length} bytes)\n  floor: ${around(x)}\n  ours:  ${around(y)}`
      );
    }
    log(`check: ${floor} = ${ours}, ${x.length} bytes identical at N=${n}`);
    return x.length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The batch floor must send the same multipart as we do (boundaries aside): compared by the server's hash. */
async function checkSameBatch(base, n) {
  const stats = () => getJson(`${base}/__stats`);
  const a = await measure(base, { figure: 'batch-floor', n, warmupN: n, warmups: 0, runs: 1, budgetMs: 0 });
  const sa = await stats();
  const b = await measure(base, { figure: 'batch-ours', n, warmupN: n, warmups: 0, runs: 1, budgetMs: 0 });
  const sb = await stats();
  if (a.error || b.error) fail(`batch check: ${a.error ?? b.error}`);
  if (sa.sha1 !== sb.sha1 || sa.parts !== n)
    fail(
      `batch floor and ours send different bodies: ${sa.requestBytes} vs ${sb.requestBytes} bytes, ${sa.parts} vs ${sb.parts} parts\n  floor: ${JSON.stringify(sa.firstPart)}\n  ours:  ${JSON.stringify(sb.firstPart)}`
    );
  log(
    `check: batch-floor sends our multipart (${sb.requestBytes} bytes, ${sb.parts} parts, boundaries aside) at N=${n}`
  );
}

let server;
function fail(message) {
  process.stderr.write(`\n[bench] FAILED: ${message}\n`);
  server?.child.kill();
  process.exit(1);
}

// ---------------------------------------------------------------- cold require

function coldRequire() {
  const pkg = path.join(ROOT, 'dist/adapters/index.js');
  const probe = target =>
    target
      ? `const t=process.hrtime.bigint();require(${JSON.stringify(target)});const ms=Number(process.hrtime.bigint()-t)/1e6;` +
        `process.stdout.write(JSON.stringify({ms,rss:process.resourceUsage().maxRSS}))`
      : 'process.stdout.write(JSON.stringify({ms:0,rss:process.resourceUsage().maxRSS}))';
  const cases = [
    ['bare node', probe(undefined)],
    ['require axios', probe('axios')],
    ['require iflow-connectors', probe(pkg)]
  ];
  const [warmups, runs] = QUICK ? [1, 5] : [2, 11];
  const rows = {};
  for (const [label, code] of cases) {
    const wall = [];
    const req = [];
    let rss = 0;
    for (let i = 0; i < warmups + runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
      const ms = performance.now() - t0;
      if (r.status !== 0) fail(`${label}: ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      if (i < warmups) continue;
      wall.push(ms);
      req.push(out.ms);
      rss = Math.max(rss, (out.rss * 1024) / 1e6);
    }
    rows[label] = { label, runs, processMs: median(wall), requireMs: median(req), peakRssMB: rss };
  }
  return rows;
}

// ---------------------------------------------------------------- formatting

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const num = (v, digits = 0) =>
  v === undefined || Number.isNaN(v)
    ? '—'
    : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const times = v => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`);
const pct = v => (v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v * 100)} %`);
const verdict = ok => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');

const LABELS = {
  v4: 'V4 ReadEntitySet → X4',
  v2json: 'V2 Read (JSON) → XML',
  atom: 'V2 Read (Atom) → XML',
  batch: 'V2 Batch creates (changesets of 100)',
  small: 'V4 ReadSingleEntity (per request)'
};
const ROLE = { floor: 'floor', ours: 'ours', sap: 'SAP Cloud SDK', axios: 'bare axios GET', undici: 'undici.request' };

// ---------------------------------------------------------------- main

async function main() {
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    mode: QUICK ? 'quick (1k)' : 'full'
  };
  log(`${machine.cpu}, ${machine.cores} cores, node ${machine.node}, ${machine.mode}`);
  const started = performance.now();
  server = await startServer();
  const base = server.url;

  // Pages rendered ahead, so no measurement pays for them; the answer is the wire bytes of each set.
  const sets = [
    ...SIZES.v4.map(n => `v4:${n}`),
    ...[...new Set([...SIZES.v2json, ...SIZES.atom])].flatMap(n => [`v2:${n}`, `atom:${n}`]),
    `v4:${K}`,
    `v2:${K}`,
    `atom:${K}`
  ];
  log('rendering pages…');
  const wire = await getJson(`${base}/__prepare?sets=${[...new Set(sets)].join(',')}`);

  // 1. The floors must produce our bytes (a 1k read) before any figure counts.
  if (wants('v4')) await checkIdentical(base, 'v4-floor', 'v4-ours', K);
  if (wants('v2json')) await checkIdentical(base, 'v2json-floor', 'v2json-ours', K);
  if (wants('atom')) await checkIdentical(base, 'atom-floor', 'atom-ours', K);
  if (wants('batch')) await checkSameBatch(base, K);

  // 2. The figures, side by side.
  const results = {};
  const run = async (group, figure, n) => {
    const spec = { figure, n, ...plan(n) };
    if (group === 'small') Object.assign(spec, { warmupN: n, warmups: 2, runs: QUICK ? 5 : 9, budgetMs: 30_000 });
    log(`${figure} N=${num(n)} …`);
    const r = await measure(base, spec);
    log(
      r.error
        ? `  failed: ${r.error}`
        : `  ${num(r.wallMs, 1)} ms wall, ${num(r.cpuMs, 1)} ms CPU, ${num(r.peakRssMB)} MB peak (${r.runs} runs)`
    );
    results[`${figure}@${n}`] = r;
  };
  if (wants('v4'))
    for (const n of SIZES.v4) {
      await run('v4', 'v4-floor', n);
      await run('v4', 'v4-ours', n);
      if (n <= 100 * K) await run('v4', 'v4-sap', n); // the SDK keeps every entity: 1M would take minutes and GBs
    }
  if (wants('v2json'))
    for (const n of SIZES.v2json) {
      await run('v2json', 'v2json-floor', n);
      await run('v2json', 'v2json-ours', n);
    }
  if (wants('atom'))
    for (const n of SIZES.atom) {
      await run('atom', 'atom-floor', n);
      await run('atom', 'atom-ours', n);
    }
  if (wants('batch'))
    for (const n of SIZES.batch) {
      await run('batch', 'batch-floor', n);
      await run('batch', 'batch-ours', n);
    }
  if (wants('small'))
    for (const f of ['small-axios', 'small-undici', 'small-ours']) await run('small', f, SMALL_REQUESTS);
  const cold = wants('require') ? (log('cold require…'), coldRequire()) : undefined;
  let writerParser;
  if (wants('writer')) {
    log('writer/parser section…');
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', path.join(__dirname, 'writer-parser.js'), ...(QUICK ? ['--quick'] : [])],
      {
        cwd: ROOT,
        encoding: 'utf8'
      }
    );
    writerParser = r.status === 0 ? r.stdout.trimEnd() : `failed: ${r.stderr.trim().split('\n').pop()}`;
  }
  server.child.kill();

  const report = render({ machine, results, wire, cold, writerParser, seconds: (performance.now() - started) / 1000 });
  process.stdout.write(`${report.text}\n`);
  if (SAVE) {
    fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), report.markdown);
    log('written bench/RESULTS.md');
  }
}

// ---------------------------------------------------------------- report

function render({ machine, results, wire, cold, writerParser, seconds }) {
  const get = (figure, n) => results[`${figure}@${n}`];
  const ok = r => r && !r.error;
  const rows = [];
  const targets = [];

  const entityRow = (group, role, n, r, extra = {}) => {
    const bytes =
      group === 'batch' || group === 'small' ? undefined : wire[`${group === 'v2json' ? 'v2' : group}:${n}`];
    const perRequest = group === 'small';
    rows.push({
      figure: `${LABELS[group]} · ${ROLE[role]}`,
      n: perRequest ? `${n} req` : num(n),
      runs: r?.runs,
      wall: ok(r) ? (perRequest ? r.wallMs / n : r.wallMs) : undefined,
      cpu: ok(r) ? (perRequest ? r.cpuMs / n : r.cpuMs) : undefined,
      rate: ok(r) ? n / (r.wallMs / 1000) : undefined,
      mbps: ok(r) && bytes ? bytes / 1e6 / (r.wallMs / 1000) : undefined,
      rss: ok(r) ? r.peakRssMB : undefined,
      error: r?.error,
      ...extra
    });
  };
  const target = (name, measured, pass) => {
    targets.push({ name, measured, pass });
    return `${measured} → ${verdict(pass)}`;
  };

  for (const n of SIZES.v4) {
    const f = get('v4-floor', n);
    const o = get('v4-ours', n);
    const s = get('v4-sap', n);
    if (!f && !o) continue;
    entityRow('v4', 'floor', n, f, { vsFloor: 'floor' });
    if (s)
      entityRow('v4', 'sap', n, s, {
        vsFloor: ok(f) && ok(s) ? `${times(s.cpuMs / f.cpuMs)} CPU` : '—',
        vsSap: 'peer'
      });
    const share = ok(f) && ok(o) ? f.cpuMs / o.cpuMs : undefined;
    const notes = [
      target(
        `V4 ${num(n)}: ≥ 60 % of the floor's throughput (CPU)`,
        ok(o) ? pct(share) : `failed: ${o?.error ?? f?.error}`,
        share === undefined ? false : share >= 0.6
      )
    ];
    let vsSap = '—';
    if (ok(s)) {
      const cpuGain = ok(o) ? s.cpuMs / o.cpuMs : undefined;
      const rssRatio = ok(o) ? o.peakRssMB / s.peakRssMB : undefined;
      vsSap = `${times(cpuGain)} less CPU, ${times(rssRatio)} its RSS`;
      notes.push(
        target(`V4 ${num(n)}: ≥ 3× the SAP SDK in CPU`, times(cpuGain), cpuGain === undefined ? false : cpuGain >= 3)
      );
      notes.push(
        target(
          `V4 ${num(n)}: less memory than the SAP SDK`,
          `${num(o?.peakRssMB)} vs ${num(s.peakRssMB)} MB`,
          rssRatio === undefined ? false : rssRatio < 1
        )
      );
    }
    if (n >= 1000 * K) {
      const small = get('v4-ours', 10 * K);
      const completes = ok(o);
      const detail = completes
        ? `${num(o.peakRssMB)} MB, ${times(small && ok(small) ? o.peakRssMB / small.peakRssMB : undefined)} the 10k RSS`
        : `failed: ${o?.error}`;
      notes.push(
        target(
          'V4 1M: completes, peak RSS ≤ 200 MB and ≤ 1.5× the 10k run',
          detail,
          completes && o.peakRssMB <= 200 && ok(small) && o.peakRssMB <= 1.5 * small.peakRssMB
        )
      );
    }
    entityRow('v4', 'ours', n, o, {
      vsFloor:
        ok(f) && ok(o)
          ? `${times(o.cpuMs / f.cpuMs)} CPU (${pct(share)} of its throughput), ${times(o.wallMs / f.wallMs)} wall`
          : '—',
      vsSap,
      target: notes.join('; ')
    });
  }

  const floorGroup = (group, limit, label) => {
    for (const n of SIZES[group]) {
      const f = get(`${group}-floor`, n);
      const o = get(`${group}-ours`, n);
      if (!f && !o) continue;
      entityRow(group, 'floor', n, f, { vsFloor: 'floor' });
      const ratio = ok(f) && ok(o) ? o.cpuMs / f.cpuMs : undefined;
      const notes = [
        target(
          `${label} ${num(n)}: within ${limit}× of its floor (CPU)`,
          times(ratio),
          ratio === undefined ? false : ratio <= limit
        )
      ];
      if (group === 'atom' && n === SIZES.atom[SIZES.atom.length - 1] && SIZES.atom.length > 1) {
        const first = get('atom-ours', SIZES.atom[0]);
        const growth = ok(first) && ok(o) ? o.peakRssMB / first.peakRssMB : undefined;
        notes.push(
          target(
            `Atom: flat memory (${num(n)} peak ≤ 1.5× the ${num(SIZES.atom[0])} peak)`,
            times(growth),
            growth === undefined ? false : growth <= 1.5
          )
        );
      }
      if (group === 'batch' && n === 10 * K) {
        const one = get('batch-ours', K);
        const growth = ok(one) && ok(o) ? o.cpuMs / one.cpuMs : undefined;
        notes.push(
          target('Batch: linear (10k vs 1k ≤ 11×, CPU)', times(growth), growth === undefined ? false : growth <= 11)
        );
      }
      entityRow(group, 'ours', n, o, {
        vsFloor: ratio === undefined ? '—' : `${times(ratio)} CPU, ${times(o.wallMs / f.wallMs)} wall`,
        target: notes.join('; ')
      });
    }
  };
  floorGroup('v2json', 1.3, 'V2 JSON');
  floorGroup('atom', 2, 'Atom');
  floorGroup('batch', 2, 'Batch');

  const ax = get('small-axios', SMALL_REQUESTS);
  const un = get('small-undici', SMALL_REQUESTS);
  const sm = get('small-ours', SMALL_REQUESTS);
  if (ax || sm) {
    entityRow('small', 'axios', SMALL_REQUESTS, ax, { vsFloor: 'floor' });
    entityRow('small', 'undici', SMALL_REQUESTS, un, {
      vsFloor: ok(ax) && ok(un) ? `${times(un.wallMs / ax.wallMs)} wall` : '—'
    });
    const ratio = ok(ax) && ok(sm) ? sm.wallMs / ax.wallMs : undefined;
    entityRow('small', 'ours', SMALL_REQUESTS, sm, {
      vsFloor:
        ratio === undefined
          ? '—'
          : `${times(ratio)} axios, ${times(ok(un) ? sm.wallMs / un.wallMs : undefined)} undici (wall)`,
      target: target(
        'Small invocation: ≤ 1.1× a bare axios GET (wall per request)',
        times(ratio),
        ratio === undefined ? false : ratio <= 1.1
      )
    });
  }

  if (cold) {
    const bare = cold['bare node'];
    const axios = cold['require axios'];
    const pkg = cold['require iflow-connectors'];
    for (const c of [bare, axios, pkg]) {
      const isPkg = c === pkg;
      rows.push({
        figure: `Cold start · ${c.label}`,
        n: 'process',
        runs: c.runs,
        wall: c.processMs,
        cpu: undefined,
        rss: c.peakRssMB,
        requireMs: c.requireMs,
        vsFloor:
          c === bare
            ? 'floor'
            : `require ${num(c.requireMs, 1)} ms; process ${times(c.processMs / bare.processMs)} bare node`,
        target: isPkg
          ? target(
              'Cold require: ≤ 1.2× requiring axios alone',
              times(pkg.requireMs / axios.requireMs),
              pkg.requireMs / axios.requireMs <= 1.2
            )
          : undefined
      });
    }
  }

  const header = [
    'figure',
    'N',
    'runs',
    'wall ms',
    'CPU ms',
    'entities/s',
    'MB/s (wire)',
    'peak RSS MB',
    'vs floor',
    'vs SAP SDK',
    'target'
  ];
  const cells = r =>
    r.error
      ? [r.figure, r.n, '—', `failed: ${r.error}`, '', '', '', '', r.vsFloor ?? '', r.vsSap ?? '', r.target ?? '']
      : [
          r.figure,
          r.n,
          String(r.runs ?? ''),
          num(r.wall, r.wall < 10 ? 2 : 0),
          num(r.cpu, r.cpu < 10 ? 2 : 0),
          num(r.rate),
          num(r.mbps, 1),
          num(r.rss),
          r.vsFloor ?? '',
          r.vsSap ?? '',
          r.target ?? ''
        ];
  const table = [header, header.map(() => '---'), ...rows.map(cells)].map(c => `| ${c.join(' | ')} |`).join('\n');
  const targetTable = [
    '| target | measured | verdict |',
    '|---|---|---|',
    ...targets.map(t => `| ${t.name} | ${t.measured} | ${verdict(t.pass)} |`)
  ].join('\n');
  const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, node ${machine.node} (V8 ${machine.v8}); ${machine.date}; ${machine.mode} run, ${seconds.toFixed(0)} s`;
  const failing = targets.filter(t => !t.pass).length;
  const text = [
    '',
    `Machine: ${machineLine}`,
    '',
    table,
    '',
    `Targets (issue 10): ${targets.length - failing} pass, ${failing} fail`,
    targetTable,
    ...(writerParser ? ['', 'Writer and parser (in-process, no HTTP):', writerParser] : [])
  ].join('\n');
  const markdown = [
    '# Benchmark results',
    '',
    'Written by `npm run bench -- --save` (bench/run.js); do not edit by hand. Never a timed test: run it on a quiet machine and compare ratios, not absolute numbers.',
    '',
    `**Machine:** ${machineLine}.`,
    '',
    '## Method',
    '',
    '- A loopback static server (bench/static-server.js, its own process) serves pages recorded from the deterministic generator',
    '  (bench/data.js: Products with Int32, ~56/64-char strings with `& < > "` and non-ASCII text, DateTimeOffset, Decimal and Int64',
    '  as strings, Double, Boolean, Guid, complex Address) from memory, 1,000 entities a page with next links: V4 JSON, V2 JSON verbose',
    '  and SAP-Gateway-shaped Atom; plus `$metadata`, a CSRF token and a `$batch` that answers every changeset part 201.',
    '- Every figure runs in a process of its own (bench/measure.js): warm-up, then timed runs; the table gives the **median**. Peak RSS',
    '  is `process.resourceUsage().maxRSS` of that process (MB = 10^6 bytes). CPU is `process.cpuUsage()` of the client process only.',
    '  Runs: 10k → 2 warm-ups + 7 runs; 100k and 1M → a 10k warm-up + up to 5 / 3 runs, fewer once 45 s are spent (at least one).',
    '- **Floors** (bench/floors.js), measured in the same run: node:http GET per page + JSON.parse + a minimal escaped writer (V4 → X4,',
    '  V2 JSON → CPI XML); saxes streaming parse + the same writer (Atom); build the same multipart + split and decode the answer',
    '  (batch); a bare axios GET and an undici.request of the same URL (small request); bare `node -e` and requiring axios alone',
    '  (cold start). Before any figure counts, the V4, V2 JSON and Atom floors are checked to write **exactly our bytes** for a 1k read,',
    '  and the batch floor to send our multipart (boundaries aside); the bench stops if not.',
    '- **Ours** (bench/ours.js) is the real package: `createRuntime(allConnectors)` from dist/adapters/index.js, one runtime per process',
    '  (so `$metadata` is cached after the warm-up, as in a long-running flow). **Peer** (bench/sap-peer.js): the SAP Cloud SDK V4 entity',
    '  deserializer with a hand-declared Products API, over the same pages, keeping the entities as `execute()` does; it writes no XML.',
    '- Ratios to floors compare **client CPU time** (the server shares the 2 cores; wall is shown beside it); the SAP SDK ratio is CPU',
    '  too; the small request and cold start compare **wall time** (latency). Take differences under ~20 % as noise on a shared machine.',
    '',
    '## Figures',
    '',
    table,
    '',
    `## Targets (issue 10): ${targets.length - failing} pass, ${failing} fail`,
    '',
    targetTable,
    ...(writerParser ? ['', '## Writer and parser (in-process, no HTTP)', '', '```', writerParser, '```'] : []),
    ''
  ].join('\n');
  return { text, markdown };
}

main().catch(error => fail(error?.stack ?? String(error)));
