import { createRuntime } from '../../../src/index';
import { startDemoService, type DemoService, type DemoServiceOptions } from '../../../src/demo/demo-service';
import { odataV2 } from '../index';

/** Starts the CAP demo service for the specs of one file (stopped after them) and invokes odata-v2 against its V2 URL. */
export function useLiveService(
  options: DemoServiceOptions = {}
): (
  operation: string,
  params: Record<string, string>,
  input?: string
) => ReturnType<ReturnType<typeof createRuntime>['invoke']> {
  let service: DemoService | undefined;
  const runtime = createRuntime([odataV2]);
  beforeAll(async () => {
    service = await startDemoService(options);
  }, 60_000);
  afterAll(() => service?.stop());
  return (operation, params, input) =>
    runtime.invoke({
      connector: 'odata-v2',
      operation,
      params: { serviceUrl: service?.v2Url ?? '', ...params },
      ...(input === undefined ? {} : { input })
    });
}
