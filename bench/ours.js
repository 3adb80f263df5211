// Our side of every figure: the real library, through the runtime the package builds (`createRuntime(allConnectors)`
// from dist/adapters/index.js, so run `npm run build` first). Every result goes into a sink, so when the runtime
// can stream (issue 10) only `invokeInto` has to change.
'use strict';
const { createRuntime, allConnectors } = require('../dist/adapters/index.js');
const { isoDate } = require('./data');

const createOurs = options => createRuntime(allConnectors, options);

/** The message of a status -1 result, for "failed: …" rows. */
const failureOf = output => (/<Message>([\s\S]*?)<\/Message>/.exec(output)?.[1] ?? output.slice(0, 300)).trim();

/** Invokes `request` and hands the result XML to `sink`; throws with the reason when the status is -1. */
async function invokeInto(runtime, request, sink) {
  const result = await runtime.invoke(request);
  if (result.status !== 1) throw new Error(failureOf(result.output ?? ''));
  if (typeof result.output === 'string') sink.write(result.output);
}

const readV4 = (runtime, serviceUrl, sink) =>
  invokeInto(
    runtime,
    { connector: 'odata-v4', operation: 'ReadEntitySet', params: { serviceUrl, entitySet: 'Products' } },
    sink
  );

const readV2 = (runtime, serviceUrl, format, sink) =>
  invokeInto(
    runtime,
    { connector: 'odata-v2', operation: 'Read', params: { serviceUrl, resourcePath: 'Products', format } },
    sink
  );

const readSingle = (runtime, serviceUrl, id, sink) =>
  invokeInto(
    runtime,
    {
      connector: 'odata-v4',
      operation: 'ReadSingleEntity',
      params: { serviceUrl, entitySet: 'Products', entityId: String(id) }
    },
    sink
  );

const batchCreate = (runtime, serviceUrl, envelope, sink) =>
  invokeInto(runtime, { connector: 'odata-v2', operation: 'Batch', params: { serviceUrl }, input: envelope }, sink);

const esc = s => s.replace(/[&<>]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const leaf = (name, v) => (v === null ? `<${name} xsi:nil="true"/>` : `<${name}>${esc(String(v))}</${name}>`);

/** The CPI Batch envelope creating `products` in changesets of `changesetSize`. */
function batchEnvelope(products, changesetSize) {
  const out = ['<batchParts xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'];
  for (let start = 0; start < products.length; start += changesetSize) {
    out.push('<batchChangeSet>');
    for (const p of products.slice(start, start + changesetSize)) {
      out.push(
        `<batchChangeSetPart><method>POST</method><Products><Product>${leaf('ID', p.ID)}${leaf('Name', p.Name)}` +
          `${leaf('Description', p.Description)}${leaf('ReleaseDate', isoDate(p.ReleaseDate))}${leaf('Price', p.Price)}` +
          `${leaf('Rating', p.Rating)}${leaf('Discontinued', p.Discontinued)}${leaf('UUID', p.UUID)}${leaf('Stock', p.Stock)}` +
          `<Address>${leaf('Street', p.Address.Street)}${leaf('City', p.Address.City)}</Address></Product></Products></batchChangeSetPart>`
      );
    }
    out.push('</batchChangeSet>');
  }
  out.push('</batchParts>');
  return out.join('');
}

module.exports = { createOurs, readV4, readV2, readSingle, batchCreate, batchEnvelope };
