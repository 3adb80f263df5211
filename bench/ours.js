// Our side of every figure: the real library, through the runtime the package builds (`createRuntime(allConnectors)`
// from dist/adapters/index.js, so run `npm run build` first). Every result streams into the figure's sink as the
// runtime writes it (`output`), as a host writing to a file or an HTTP response would.
'use strict';
const { createRuntime, allConnectors } = require('../dist/adapters/index.js');
const { isoDate } = require('./data');

const createOurs = options => createRuntime(allConnectors, options);

/** The message of a status -1 result, for "failed: …" rows. */
const failureOf = output => (/<Message>([\s\S]*?)<\/Message>/.exec(output)?.[1] ?? output.slice(0, 300)).trim();

/** Invokes `request` with its result written into `sink`; throws with the reason when the status is -1. */
async function invokeInto(runtime, request, sink) {
  let tail = '';
  const result = await runtime.invoke({
    ...request,
    output: {
      write: chunk => {
        tail = chunk; // the <Error> of a failure is in the last chunk
        return sink.write(chunk);
      },
      once: (event, listener) => sink.once(event, listener)
    }
  });
  if (result.status !== 1) throw new Error(failureOf(tail));
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
