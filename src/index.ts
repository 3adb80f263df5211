// The ESB side of the core: build a runtime over connectors and invoke operations.
// (The package root, `iflow-connectors`, re-exports this together with the bundled connectors.)
export type { Connector, Status } from './connector/connector';
export type { ConnectorTable } from './connector/connector-table';
export { createConnectorTable } from './connector/connector-table';
export type { ErrorCode } from './errors/connector-error';
export { ConnectorError, errorCodes } from './errors/connector-error';
export type {
  InvokeRequest,
  InvokeResult,
  OutputSink,
  RetrySummary,
  Runtime,
  RuntimeOptions,
  StreamedInvocation
} from './runtime/runtime';
export { createRuntime } from './runtime/runtime';
export { createMemoryCache } from './runtime/memory-cache';
export type { AxiosTransportOptions } from './transport/axios-transport';
export { createAxiosTransport } from './transport/axios-transport';
export type { RecordedExchange } from './transport/exchange';
export type { FixtureTransport } from './transport/fixture-transport';
export { createFixtureTransport } from './transport/fixture-transport';
export type { RecordingOptions, RecordingTransport } from './transport/recording-transport';
export { createRecordingTransport } from './transport/recording-transport';
export type { HttpConnection, HttpRequest, HttpResponse, Transport } from './transport/transport';
