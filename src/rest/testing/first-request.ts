import type { Connector } from '../../connector/connector';
import { resolveParams } from '../../connector/param-spec';
import { parseXml } from '../../envelope/parse-xml';
import type { HttpRequest } from '../../transport/transport';

/**
 * The first request an operation's plan makes for the given parameters and envelope, as the plan builds it
 * (before the connection's auth and signing): for specs of request building, without a transport.
 */
export function firstRequest(
  connector: Connector,
  operation: string,
  given: Readonly<Record<string, string>>,
  xml?: string
): HttpRequest {
  const op = connector.operations[operation];
  if (op?.start === undefined) throw new Error(`${connector.name}.${operation} has no plan`);
  const params = resolveParams({ ...connector.params, ...op.params }, given);
  const plan = op.start(
    xml === undefined ? undefined : parseXml(xml),
    params
  )({
    params,
    model: undefined,
    log: () => undefined,
    now: () => new Date(0),
    nonce: () => 'nonce',
    addSecrets: () => undefined
  });
  const step = plan.next();
  if (step.done === true) throw new Error(`${connector.name}.${operation} sent nothing`);
  if (step.value.kind !== 'send') throw new Error(`${connector.name}.${operation} wrote before sending`);
  return step.value.request;
}
