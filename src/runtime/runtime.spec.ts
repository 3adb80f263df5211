import { operationsOf, type Connector, type ModelSource } from '../connector/connector';
import type { ParamSpecs } from '../connector/param-spec';
import { send } from '../connector/plan';
import { httpAuthParams, prepareHttpTransport } from '../connector/http-connection';
import { childrenOf } from '../envelope/xml-element';
import { parseXml } from '../envelope/parse-xml';
import { ConnectorError } from '../errors/connector-error';
import { httpStatusError } from '../odata/odata-error';
import { createFixtureTransport } from '../transport/fixture-transport';
import { createRuntime } from './runtime';

// A tiny connector whose operation sends what the envelope says and reports the answer.
const echoParams = {
  serviceUrl: { type: 'url', required: true, description: 'base URL' },
  ...httpAuthParams
} as const satisfies ParamSpecs;
const echoOperations = operationsOf(echoParams);
// The model is the service's $metadata text: a dry run reads it for real and sends nothing else.
const metadataText: ModelSource<{ readonly serviceUrl: string }, string> = {
  key: params => params.serviceUrl,
  *load(params) {
    return (yield* send({ method: 'GET', url: `${params.serviceUrl}$metadata` })).body;
  }
};
const sendPaths = (model?: typeof metadataText) =>
  echoOperations.define({
    description: 'GET each <Path>',
    envelope: 'required',
    roots: ['Request'],
    ...(model === undefined ? {} : { model }),
    read: envelope => childrenOf(envelope!, 'Path').map(p => p.text ?? ''),
    *plan(paths, ctx) {
      const answers: string[] = [];
      for (const path of paths) {
        const request = { method: 'GET' as const, url: `${ctx.params.serviceUrl}${path}` };
        const response = yield* send(request);
        if (response.status >= 400) throw httpStatusError(request, response);
        answers.push(response.body);
      }
      return { status: 1, output: answers };
    },
    write: (answers: string[], w) => {
      w.open('Answers');
      for (const a of answers) w.leaf('Answer', [], a);
      w.close();
    }
  });
const echo: Connector = {
  name: 'echo',
  description: 'test connector',
  params: echoParams,
  prepareTransport: (transport, params) => prepareHttpTransport(transport, params),
  operations: {
    Send: sendPaths(),
    SendTyped: sendPaths(metadataText),
    Boom: echoOperations.define({
      description: 'a bug',
      envelope: 'none',
      read: () => undefined,
      // eslint-disable-next-line require-yield
      *plan() {
        throw new TypeError('cannot read x of undefined');
      },
      write: () => undefined
    }),
    Leak: echoOperations.define({
      description: 'echoes the password in an error',
      envelope: 'none',
      read: (_, params) => params.password ?? '',
      // eslint-disable-next-line require-yield
      *plan(password) {
        throw new ConnectorError('HTTP_STATUS', `server said: bad password ${password}`);
      },
      write: () => undefined
    })
  }
};

const ok = (url: string, body: string) => ({
  request: { method: 'GET' as const, url },
  response: { status: 200, body }
});

describe('runtime.invoke', () => {
  it('runs read, plan and write, and answers status 1 with the XML', async () => {
    const runtime = createRuntime([echo], { transport: createFixtureTransport([ok('http://h/a', 'A & B')]) });
    const result = await runtime.invoke({
      connector: 'echo',
      operation: 'Send',
      params: { serviceUrl: 'http://h/' },
      input: '<Request><Path>a</Path></Request>'
    });
    expect(result.status).toBe(1);
    expect(parseXml(result.output).children[0]!.text).toBe('A & B');
    expect(result.output.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it.each([
    [
      'an unknown connector',
      { connector: 'nope', operation: 'Send' },
      'CONNECTOR_UNKNOWN',
      /registered connectors: echo/
    ],
    [
      'an unknown operation',
      { connector: 'echo', operation: 'Recv' },
      'OPERATION_UNKNOWN',
      /its operations: Send, SendTyped, Boom, Leak/
    ],
    [
      'a missing parameter',
      { connector: 'echo', operation: 'Send', input: '<Request/>' },
      'PARAMETER_MISSING',
      /"serviceUrl"/
    ],
    [
      'a parameter of the wrong type',
      { connector: 'echo', operation: 'Send', params: { serviceUrl: 'http://h/', timeoutMs: 'soon' } },
      'PARAMETER_INVALID',
      /"timeoutMs" must be an integer/
    ],
    [
      'malformed XML',
      { connector: 'echo', operation: 'Send', params: { serviceUrl: 'http://h/' }, input: '<Request><Path></Request>' },
      'ENVELOPE_INVALID',
      /not well-formed/
    ],
    [
      'the wrong root element',
      { connector: 'echo', operation: 'Send', params: { serviceUrl: 'http://h/' }, input: '<Products/>' },
      'ENVELOPE_INVALID',
      /root element is <Products>; expected <Request>/
    ],
    [
      'no envelope where one is required',
      { connector: 'echo', operation: 'Send', params: { serviceUrl: 'http://h/' } },
      'ENVELOPE_INVALID',
      /needs an input envelope <Request>/
    ],
    [
      'a bug in the connector',
      { connector: 'echo', operation: 'Boom', params: { serviceUrl: 'http://h/' } },
      'INTERNAL',
      /cannot read x of undefined/
    ],
    // an empty root is what an ESB hands over when there is nothing to say; it is not an envelope with content
    [
      'an empty root where no envelope is taken (the operation runs, here into its bug)',
      { connector: 'echo', operation: 'Boom', params: { serviceUrl: 'http://h/' }, input: ' <Request/> ' },
      'INTERNAL',
      /cannot read x/
    ],
    [
      'an envelope where the operation takes none',
      {
        connector: 'echo',
        operation: 'Boom',
        params: { serviceUrl: 'http://h/' },
        input: '<Request><QueryOptions/></Request>'
      },
      'ENVELOPE_INVALID',
      /^Boom takes no input envelope \(its parameters say what to do\); found <Request> with content, which would be ignored$/
    ],
    [
      'an envelope with attributes where the operation takes none',
      { connector: 'echo', operation: 'Boom', params: { serviceUrl: 'http://h/' }, input: '<Request entitySet="X"/>' },
      'ENVELOPE_INVALID',
      /^Boom takes no input envelope/
    ],
    [
      'malformed XML where the operation takes none',
      { connector: 'echo', operation: 'Boom', params: { serviceUrl: 'http://h/' }, input: '<Request>' },
      'ENVELOPE_INVALID',
      /not well-formed/
    ]
  ])('answers %s with status -1 naming the problem', async (_, request, code, message) => {
    const transport = createFixtureTransport([]);
    const result = await createRuntime([echo], { transport }).invoke(request);
    expect(result.status).toBe(-1);
    const error = parseXml(result.output);
    expect(error.name).toBe('Error');
    expect(error.attributes['code']).toBe(code);
    expect(error.children[0]!.text).toMatch(message);
    expect(transport.unmatched).toEqual([]);
  });

  it('reports an HTTP error with status, request and the service message', async () => {
    const transport = createFixtureTransport([
      {
        request: { method: 'GET', url: 'http://h/x' },
        response: {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: { error: { code: 'NF', message: 'No such thing' } }
        }
      }
    ]);
    const result = await createRuntime([echo], { transport }).invoke({
      connector: 'echo',
      operation: 'Send',
      params: { serviceUrl: 'http://h/' },
      input: '<Request><Path>x</Path></Request>'
    });
    expect(result.status).toBe(-1);
    expect(result.output).toContain('<Error code="HTTP_STATUS" httpStatus="404">');
    expect(result.output).toContain('<ServiceError code="NF">No such thing</ServiceError>');
    expect(result.output).toContain('<Request method="GET" url="http://h/x"/>');
  });

  it('sends Basic auth and never shows the password, even when a service echoes it', async () => {
    const basic = `Basic ${Buffer.from('u:pa55word').toString('base64')}`;
    const transport = createFixtureTransport([
      {
        request: { method: 'GET', url: 'http://h/a', headers: { authorization: basic } },
        response: { status: 200, body: `you sent ${basic} and pa55word` }
      }
    ]);
    const runtime = createRuntime([echo], { transport });
    const sent = await runtime.invoke({
      connector: 'echo',
      operation: 'Send',
      params: { serviceUrl: 'http://h/', user: 'u', password: 'pa55word' },
      input: '<Request><Path>a</Path></Request>'
    });
    expect(sent.status).toBe(1);
    expect(sent.output).not.toContain('pa55word');
    expect(sent.output).not.toContain(basic.slice(6)); // the header the transport sent, echoed back
    const leaked = await runtime.invoke({
      connector: 'echo',
      operation: 'Leak',
      params: { serviceUrl: 'http://h/', password: 'pa55word' }
    });
    expect(leaked.output).toContain('bad password ***');
    expect(leaked.output).not.toContain('pa55word');
  });

  it.each([
    ['XML-special characters', 'p&ss<w>"rd'],
    ['JSON-escaped characters', 'Db"Pass\\14']
  ])('never shows a secret with %s, whichever way the service echoes it', async (_, password) => {
    const json = JSON.stringify(password);
    const echoed = `raw ${password} json ${json} twice ${JSON.stringify(json)} url ${encodeURIComponent(password)}`;
    const transport = createFixtureTransport([
      { request: { method: 'GET', url: 'http://h/a' }, response: { status: 500, body: echoed } }
    ]);
    const runtime = createRuntime([echo], { transport });
    const result = await runtime.invoke({
      connector: 'echo',
      operation: 'Send',
      params: { serviceUrl: 'http://h/', token: password },
      input: '<Request><Path>a</Path></Request>'
    });
    expect(result.status).toBe(-1);
    expect(result.output).toContain('raw *** json "***" twice "\\"***\\"" url ***');
  });

  it('in a dry run lists the requests, redacted, and sends only the model reads', async () => {
    const transport = createFixtureTransport([ok('http://h/$metadata', '<edmx/>')]);
    const runtime = createRuntime([echo], { transport, dryRun: true });
    const read = await runtime.invoke({
      connector: 'echo',
      operation: 'SendTyped',
      params: { serviceUrl: 'http://h/' },
      input: '<Request><Path>$metadata</Path></Request>'
    });
    expect(read.requests).toEqual([
      { sent: true, text: expect.stringContaining('GET http://h/$metadata') },
      { sent: false, text: expect.stringContaining('GET http://h/$metadata') }
    ]);
    const write = await runtime.invoke({
      connector: 'echo',
      operation: 'Send',
      params: { serviceUrl: 'http://h/', user: 'u', password: 'pa55word' },
      input: '<Request><Path>a?pw=pa55word</Path></Request>'
    });
    expect(write.requests).toEqual([{ sent: false, text: 'GET http://h/a?pw=***\nauthorization: Basic ***\n\n' }]);
  });

  it('logs each exchange without credentials when a logger is given', async () => {
    const lines: string[] = [];
    const transport = createFixtureTransport([ok('http://h/a?token=t0ken-value', 'x')]);
    const runtime = createRuntime([echo], { transport, log: (level, message) => lines.push(`${level} ${message}`) });
    await runtime.invoke({
      connector: 'echo',
      operation: 'Send',
      params: { serviceUrl: 'http://h/' },
      input: '<Request><Path>a?token=t0ken-value</Path></Request>'
    });
    expect(lines).toEqual([expect.stringMatching(/^debug GET http:\/\/h\/a\?token=\*\*\* → 200 \(\d+ ms\)$/)]);
  });
});
