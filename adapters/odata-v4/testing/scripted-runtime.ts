import { createRuntime, type Runtime } from '../../../src/index';
import { ConnectorError, type HttpRequest, type HttpResponse } from '../../../src/sdk';
import { odataV4 } from '../index';
import { DEMO_METADATA_XML } from './demo-model';

/** The service URL scripted runtimes answer for. */
export const SERVICE = 'http://svc.test/odata/v4/demo/';

/**
 * A runtime whose transport serves the demo `$metadata`, answers the CSRF token fetch as a service without
 * CSRF protection does (200, no token; not kept), and hands every other request to `answer`; requests are kept.
 */
export function scriptedRuntime(answer: (request: HttpRequest) => HttpResponse | ConnectorError): {
  runtime: Runtime;
  requests: HttpRequest[];
} {
  const requests: HttpRequest[] = [];
  const runtime = createRuntime([odataV4], {
    transport: {
      async send(request) {
        if (request.headers?.['x-csrf-token'] === 'Fetch') return { status: 200, headers: {}, body: '' };
        requests.push(request);
        if (request.url === `${SERVICE}$metadata`)
          return { status: 200, headers: { 'content-type': 'application/xml' }, body: DEMO_METADATA_XML };
        const result = answer(request);
        if (result instanceof ConnectorError) throw result;
        return result;
      }
    }
  });
  return { runtime, requests };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  };
}
