import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../src/cli/run-demo';

// Works from adapters/ (ts) and dist/adapters/ (compiled): the samples sit in fixtures/samples.
function findSample(relative: string): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'fixtures', 'samples', relative);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    if (path.dirname(dir) === dir) return undefined;
  }
}

function sample(relative: string): string {
  const text = findSample(relative);
  if (text === undefined) throw new Error(`Sample envelope ${relative} not found above ${__dirname}`);
  return text;
}

/** An operation's sample envelope: `fixtures/samples/<connector>/<operation-in-kebab-case>.xml`, when there is one. */
export function sampleEnvelope(connector: string, operation: string): string | undefined {
  return findSample(`${connector}/${operation.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase()}.xml`);
}

/** What `iflow demo --serve` suggests trying; `{v4}` and `{v2}` stand for the demo service's URLs. */
export const servePrompt: readonly string[] = [
  'npx iflow invoke odata-v4 ReadEntitySet --service-url {v4} --param entitySet=Products',
  "npx iflow invoke odata-v2 Read --service-url {v2} --param resourcePath=Products --param 'queryOptions=$top=2'",
  'npx iflow help odata-v4 CreateEntity'
];

/** The seed documents' sample envelopes, run by `iflow demo` against the embedded demo service. */
export function demoSteps(): DemoStep[] {
  return [
    {
      title: 'Service document (X4 ReadCollections)',
      connector: 'odata-v4',
      operation: 'ReadCollections',
      params: { serviceUrl: '{v4}' }
    },
    {
      title: "X4 ReadEntitySet with the documentation's QueryOptions sample",
      connector: 'odata-v4',
      operation: 'ReadEntitySet',
      params: { serviceUrl: '{v4}', entitySet: 'Products' },
      input: sample('odata-v4/read-entity-set.xml')
    },
    {
      title: 'X4 ReadSingleEntity Products(1)',
      connector: 'odata-v4',
      operation: 'ReadSingleEntity',
      params: { serviceUrl: '{v4}', entitySet: 'Products', entityId: '1' }
    },
    {
      title: "X4 CreateEntity with the documentation's People sample",
      connector: 'odata-v4',
      operation: 'CreateEntity',
      params: { serviceUrl: '{v4}', entitySet: 'People' },
      input: sample('odata-v4/create-entity.xml')
    },
    {
      title: "X4 ExecuteFunction with the documentation's CountCategories sample",
      connector: 'odata-v4',
      operation: 'ExecuteFunction',
      params: { serviceUrl: '{v4}' },
      input: sample('odata-v4/execute-function.xml')
    },
    {
      title: 'CPI OData V2 Read: Products with $expand and $inlinecount',
      connector: 'odata-v2',
      operation: 'Read',
      params: {
        serviceUrl: '{v2}',
        resourcePath: 'Products',
        queryOptions: '$top=2&$orderby=ID&$expand=Category&$inlinecount=allpages'
      }
    },
    {
      title: "CPI OData V2 Create with the blog's Edm types payload (CSRF token fetched first)",
      connector: 'odata-v2',
      operation: 'Create',
      params: { serviceUrl: '{v2}' },
      input: sample('odata-v2/create.xml')
    },
    {
      title: 'CPI OData V2 function import CountCategories',
      connector: 'odata-v2',
      operation: 'FunctionImport',
      params: { serviceUrl: '{v2}', functionImport: 'CountCategories' },
      input: '<CountCategories><Amount>1</Amount></CountCategories>'
    }
  ];
}
