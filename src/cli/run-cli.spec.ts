import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { operationsOf, type Connector } from '../connector/connector';
import type { ParamSpecs } from '../connector/param-spec';
import { emit, send } from '../connector/plan';
import { httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import { ConnectorError } from '../errors/connector-error';
import { httpStatusError } from '../odata/odata-error';
import { runCli, type CliIo } from './run-cli';

// A connector that PUTs the envelope's text to serviceUrl: enough to drive every CLI path for real.
const putParams = {
  serviceUrl: { type: 'url', required: true, description: 'target' },
  ...httpAuthParams
} as const satisfies ParamSpecs;
const putOperations = operationsOf(putParams);
const put: Connector = {
  name: 'put',
  description: 'PUT the envelope text',
  params: putParams,
  prepareTransport: (t, p) => prepareHttpTransport(t, p),
  operations: {
    Put: putOperations.define({
      description: 'PUT <Text>',
      envelope: 'required',
      roots: ['Text'],
      read: e => e?.text ?? '',
      *plan(text, ctx) {
        const request = {
          method: 'PUT' as const,
          url: ctx.params.serviceUrl,
          headers: { 'content-type': 'text/plain' },
          body: text
        };
        const response = yield* send(request);
        if (response.status >= 400) throw httpStatusError(request, response);
        return { status: 1, output: response.body };
      },
      write: (body: string, w) => void w.leaf('Answer', [], body)
    }),
    // Reads first and builds its PUT from the answer (as etag=auto does): a dry run cannot get that far.
    GetThenPut: putOperations.define({
      description: 'GET, then PUT what came back',
      envelope: 'none',
      read: () => undefined,
      *plan(_input, ctx) {
        const url = ctx.params.serviceUrl;
        const got = yield* send({ method: 'POST', url });
        if (got.body === '') throw new ConnectorError('RESPONSE_INVALID', `POST ${url} answered with an empty body`);
        const response = yield* send({ method: 'PUT', url, body: got.body });
        return { status: 1, output: response.body };
      },
      write: (body: string, w) => void w.leaf('Answer', [], body)
    }),
    // Writes each of three GETs as it comes, as a paged read does: progress and streaming have parts to show.
    GetThrice: putOperations.define({
      description: 'GET three times, writing each answer as it comes',
      envelope: 'none',
      read: () => undefined,
      *plan(_input, ctx) {
        yield* emit(w => w.open('Answers'));
        for (let i = 0; i < 3; i++) {
          const got = yield* send({ method: 'GET', url: ctx.params.serviceUrl });
          yield* emit(w => w.leaf('Answer', [], got.body), 1);
        }
        return { status: 1, output: undefined };
      },
      write: (_output: undefined, w) => void w.close()
    })
  }
};

async function cli(
  argv: string[],
  stdin: string | Uint8Array = '',
  io: Partial<CliIo> = {}
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    connectors: [put],
    demoSteps: () => [],
    version: '1.2.3-spec',
    sample: (connector, operation) => (operation === 'Put' ? '<Text>hello</Text>' : undefined),
    io: { stdout: t => (out += t), stderr: t => (err += t), readStdin: async () => stdin, ...io }
  });
  return { code, out, err };
}

describe('iflow CLI', () => {
  let server: http.Server;
  let url: string;
  let bodies: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += String(c)));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'text/plain' }).end(`got ${body}`);
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (bodies = []));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  it('lists connectors, operations and parameters', async () => {
    const { code, out } = await cli(['list']);
    expect(code).toBe(0);
    expect(out).toContain('put: PUT the envelope text');
    expect(out).toContain('Put: PUT <Text>');
    expect(out).toContain('--param serviceUrl=<url> (required)');
    expect(out).toContain('--param password=<string> (secret)');
  });

  it('invokes with the envelope from standard input: stdout is the XML, exit 0', async () => {
    const { code, out } = await cli(
      ['invoke', 'put', 'Put', '--service-url', `${url}/ok`, '--input', '-'],
      '<Text>hello</Text>'
    );
    expect(code).toBe(0);
    expect(out).toContain('<Answer>got hello</Answer>');
  });

  it('--output FILE receives the result as it is written; stdout stays empty', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-')), 'out.xml');
    const { code, out } = await cli(['invoke', 'put', 'GetThrice', '--service-url', `${url}/ok`, '--output', file]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<Answers>\s*(<Answer>got <\/Answer>\s*){3}<\/Answers>\s*$/);
  });

  it('streams to the stdout stream the host gives, at its pace', async () => {
    const chunks: string[] = [];
    const stdoutSink = new Writable({
      highWaterMark: 8,
      decodeStrings: false,
      write(chunk: string, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      }
    });
    const { code, out } = await cli(['invoke', 'put', 'GetThrice', '--service-url', `${url}/ok`], '', { stdoutSink });
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(chunks.join('')).toMatch(/<Answers>\s*(<Answer>got <\/Answer>\s*){3}<\/Answers>\s*$/);
  });

  it('refuses an --output it cannot write before sending anything (exit 2)', async () => {
    const file = path.join(os.tmpdir(), 'no-such-dir-iflow', 'out.xml');
    const { code, err } = await cli(['invoke', 'put', 'GetThrice', '--service-url', `${url}/ok`, '--output', file]);
    expect(code).toBe(2);
    expect(err).toContain(`Cannot write --output ${file}: ENOENT`);
    expect(bodies).toEqual([]);
  });

  it('shows progress on stderr only when it is a terminal, as one line rewritten in place', async () => {
    const argv = ['invoke', 'put', 'GetThrice', '--service-url', `${url}/ok`];
    const terminal = await cli(argv, '', { stderrIsTerminal: true });
    const CLEAR_LINE = '\u001b[K';
    const lines = terminal.err.split('\r');
    expect(lines[0]).toBe('');
    expect(lines.slice(1).every(line => line.endsWith(CLEAR_LINE) || line.endsWith(`${CLEAR_LINE}\n`))).toBe(true);
    expect(lines.at(-1)).toMatch(/^3 requests, 3 parts, 3 entities in [\d.]+ s[^\n]*\n$/);
    expect((await cli(argv)).err).toBe('');
  });

  it('stops on Ctrl-C (the signal the host gives) with status -1 ABORTED, exit 1', async () => {
    const { code, out } = await cli(['invoke', 'put', 'GetThrice', '--service-url', `${url}/ok`], '', {
      signal: AbortSignal.abort()
    });
    expect(code).toBe(1);
    expect(out).toContain('<Error code="ABORTED">');
    expect(bodies).toEqual([]);
  });

  it('reads --input from a file and exits 1 for status -1', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-')), 'in.xml');
    fs.writeFileSync(file, '<Text>x</Text>');
    const { code, out } = await cli(['invoke', 'put', 'Put', '--param', `serviceUrl=${url}/fail`, '--input', file]);
    expect(code).toBe(1);
    expect(out).toContain('<Error code="HTTP_STATUS" httpStatus="500">');
  });

  // X4 flows often keep envelopes in ISO-8859-1: read as UTF-8, "Grüße" went out as "Gr\uFFFD\uFFFDe", silently.
  it('reads an --input file in the encoding its XML declaration names, and stdin bytes the same way', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-')), 'latin1.xml');
    const latin1 = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<Text>Gr'),
      Buffer.from([0xfc, 0xdf]),
      Buffer.from('e</Text>')
    ]);
    fs.writeFileSync(file, latin1);
    expect((await cli(['invoke', 'put', 'Put', '--service-url', `${url}/ok`, '--input', file])).code).toBe(0);
    expect((await cli(['invoke', 'put', 'Put', '--service-url', `${url}/ok`, '--input', '-'], latin1)).code).toBe(0);
    expect(bodies).toEqual(['Grüße', 'Grüße']);
  });

  it('refuses an --input that is not valid UTF-8 and declares no other encoding, saying what to do', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-')), 'bad.xml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('<Text>Gr'), Buffer.from([0xfc]), Buffer.from('</Text>')]));
    const { code, err } = await cli(['invoke', 'put', 'Put', '--service-url', `${url}/ok`, '--input', file]);
    expect(code).toBe(2);
    expect(err).toContain(
      `--input ${file} is not valid UTF-8 and its XML declaration names no other encoding: save it as UTF-8, or declare its encoding (<?xml version="1.0" encoding="ISO-8859-1"?>)`
    );
    expect(bodies).toEqual([]);
  });

  it('--dry-run prints the request with credentials redacted and sends nothing', async () => {
    const { code, out } = await cli(
      [
        'invoke',
        'put',
        'Put',
        '--service-url',
        `${url}/ok`,
        '--user',
        'bob',
        '--password',
        'pw-secret-1',
        '--dry-run',
        '--input',
        '-'
      ],
      '<Text>hi</Text>'
    );
    expect(code).toBe(0);
    expect(out).toContain(`PUT ${url}/ok`);
    expect(out).toContain('authorization: Basic ***');
    expect(out).not.toContain('pw-secret-1');
    expect(bodies).toEqual([]);
  });

  // "PUT … → 204 (0 ms)" read as if the service had answered
  it('--dry-run --verbose logs a request the dry run kept back as not sent, not as answered 204', async () => {
    const { code, err } = await cli(
      ['invoke', 'put', 'Put', '--service-url', `${url}/ok`, '--dry-run', '--verbose', '--input', '-'],
      '<Text>hi</Text>'
    );
    expect(code).toBe(0);
    expect(err).toContain(`PUT ${url}/ok → not sent (dry run)`);
    expect(err).not.toContain('→ 204');
    expect(bodies).toEqual([]);
  });

  it('--dry-run says on stderr where it stopped when a request depends on the answer to an earlier one', async () => {
    const { code, out, err } = await cli(['invoke', 'put', 'GetThenPut', '--service-url', `${url}/ok`, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain(`POST ${url}/ok`);
    expect(out).not.toContain('PUT');
    expect(err).toContain(
      'A request that depends on an earlier answer (the next page, a write after etag=auto) is not built: the dry run stops there.'
    );
    expect(err).toContain(`POST ${url}/ok answered with an empty body`);
    expect(bodies).toEqual([]);
  });

  // A single write whose decoder wants a body (MRS {"result":"succeed"}, DataWorks Success) fails on the
  // dry run's empty 204: stderr must say that result is the dry run's own, not claim a stop or a service error.
  it('--dry-run says a failure after the last request comes from its empty 204, not from the service', async () => {
    const { code, out, err } = await cli(['invoke', 'put', 'GetThenPut', '--service-url', `${url}/ok`, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain(`POST ${url}/ok`);
    expect(err).toContain('Dry run: the requests above were not sent');
    expect(err).toContain(
      "each was answered with an empty 204, so the result below is what the connector makes of that, not the service's answer"
    );
    expect(err).not.toMatch(/^The dry run stops/);
  });

  it('--help after invoke <connector> [operation] describes that connector or operation (exit 0)', async () => {
    const help = await cli(['invoke', 'put', 'Put', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe((await cli(['help', 'put', 'Put'])).out);
    expect(help.out).toContain('put Put: PUT <Text>');
    expect(help.out).toContain('Envelope: required, root <Text>');
    expect(help.out).toContain('--param serviceUrl=<url> (required)');
    expect(help.out).toContain('Sample envelope:\n<Text>hello</Text>');
    expect((await cli(['invoke', 'put', '--help'])).out).toContain('GetThrice: GET three times');
    expect((await cli(['--help'])).out).toContain('Usage:');
  });

  it('help <connector> <operation> without a sample says how to run it; an unknown one is refused (exit 2)', async () => {
    const help = await cli(['help', 'put', 'GetThrice']);
    expect(help.out).not.toContain('Sample envelope');
    expect(help.out).toContain('Run: iflow invoke put GetThrice --param name=value');
    const unknown = await cli(['help', 'put', 'Get']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Connector "put" has no operation "Get"; its operations: Put, GetThenPut, GetThrice');
  });

  it('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: '1.2.3-spec\n', err: '' });
    expect((await cli(['version'])).out).toBe('1.2.3-spec\n');
  });

  it('list <connector> lists that connector alone and refuses an unknown one', async () => {
    const one = await cli(['list', 'put']);
    expect(one.code).toBe(0);
    expect(one.out).toContain('put: PUT the envelope text');
    const unknown = await cli(['list', 'odata-v9']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown connector "odata-v9"; connectors: put');
  });

  it('takes --name=value as --name value, and names an unknown option without its value', async () => {
    const equals = await cli(
      ['invoke', 'put', 'Put', `--service-url=${url}/ok`, '--user=u', '--password=pw', '--input=-'],
      '<Text>eq</Text>'
    );
    expect(equals.code).toBe(0);
    expect(equals.out).toContain('<Answer>got eq</Answer>');
    const unknown = await cli(['invoke', 'put', 'Put', '--passwd=s3cret-value']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown option --passwd');
    expect(unknown.err).not.toContain('s3cret-value');
    expect((await cli(['invoke', 'put', 'Put', '--dry-run=yes'])).err).toContain('--dry-run takes no value');
    expect((await cli(['invoke', 'put', 'Put', '--input'])).err).toContain('--input needs a value');
  });

  it('reads the password from --password-file or IFLOW_PASSWORD, the token from IFLOW_TOKEN, never echoing them', async () => {
    const seen: string[] = [];
    const auth = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      res.end('ok');
    });
    await new Promise<void>(r => auth.listen(0, '127.0.0.1', r));
    const authUrl = `http://127.0.0.1:${(auth.address() as AddressInfo).port}/`;
    try {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-')), 'pw');
      fs.writeFileSync(file, 'from-file\n');
      const argv = ['invoke', 'put', 'Put', '--service-url', authUrl, '--input', '-'];
      await cli([...argv, '--user', 'u', '--password-file', file], '<Text>a</Text>');
      await cli([...argv, '--user', 'u'], '<Text>b</Text>', { env: { IFLOW_PASSWORD: 'from-env' } });
      const token = await cli(argv, '<Text>c</Text>', { env: { IFLOW_TOKEN: 'tok-env', IFLOW_PASSWORD: 'unused' } });
      expect(seen).toEqual([
        `Basic ${Buffer.from('u:from-file').toString('base64')}`,
        `Basic ${Buffer.from('u:from-env').toString('base64')}`,
        'Bearer tok-env'
      ]);
      expect(token.out + token.err).not.toContain('tok-env');
      const twice = await cli([...argv, '--password', 'x', '--password-file', file]);
      expect(twice.code).toBe(2);
      expect(twice.err).toContain('Give the password once: --password-file or the password itself');
      const missing = await cli([...argv, '--user', 'u', '--password-file', `${file}.gone`]);
      expect(missing.err).toContain(`Cannot read the password file ${file}.gone: ENOENT`);
    } finally {
      await new Promise(r => auth.close(r));
    }
  });

  it('accepts a parameter repeated with the same value', async () => {
    const same = await cli(
      ['invoke', 'put', 'Put', '--service-url', `${url}/ok`, '--param', `serviceUrl=${url}/ok`, '--input', '-'],
      '<Text>x</Text>'
    );
    expect(same.code).toBe(0);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['invoke', 'put'], /invoke needs <connector> <operation>/],
    [['invoke', 'put', 'Put', '--param', 'novalue'], /--param needs name=value/],
    [['invoke', 'put', 'Put', '--input', '/no/such/file.xml'], /Cannot read --input \/no\/such\/file.xml: ENOENT/],
    [['invoke', 'put', 'Put', '--bogus'], /Unknown option --bogus/],
    [['list', '--dry-run'], /--dry-run does not go with list/],
    [['demo', 'now'], /Unexpected argument "now"/],
    // which one the user meant is unknowable: keeping the last would silently drop the other (values not shown: one may be a password)
    [
      ['invoke', 'put', 'Put', '--param', 'user=a', '--param', 'user=b'],
      /Parameter "user" is given twice with different values; give it once/
    ],
    [
      ['invoke', 'put', 'Put', '--service-url', 'http://a.test/', '--param', 'serviceUrl=http://b.test/'],
      /Parameter "serviceUrl" is given twice with different values/
    ]
  ])('exits 2 with a message for %j', async (argv, message) => {
    const { code, err } = await cli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('Usage:');
  });
});
