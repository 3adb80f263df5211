/**
 * The closed catalogue of failure codes. Each is rendered as `<Error code="…">` in a status -1 result;
 * `docs/errors.md` documents them, and `error-codes.spec.ts` keeps the two in sync.
 */
export const errorCodes = {
  ENVELOPE_INVALID:
    'The input envelope is not well-formed XML, has the wrong root element, or breaks a structural rule.',
  CONNECTOR_UNKNOWN: 'No connector of that name is registered.',
  OPERATION_UNKNOWN: 'The connector has no operation of that name.',
  PARAMETER_MISSING: 'A required parameter was not given.',
  PARAMETER_INVALID: 'A parameter is unknown or its value does not fit its declared type.',
  VALUE_INVALID: 'A value in the envelope does not fit its (Edm) type.',
  MODEL_MISMATCH: 'The envelope names an entity set, property or operation the service metadata does not declare.',
  HTTP_STATUS: 'The service answered with an HTTP error status.',
  TIMEOUT: 'The service did not answer within the timeout.',
  TRANSPORT: 'The service could not be reached (connection refused, DNS, proxy, TLS, reset).',
  RESPONSE_INVALID: 'The service answered, but the body could not be decoded.',
  ABORTED:
    'The caller aborted the invocation, or its overall deadline passed; the message says how far it got, and what was written stays.',
  PARTIAL_FAILURE: 'Some parts of a multi-part request failed; each part is reported.',
  INTERNAL: 'An unexpected error inside the connector (a bug); the message says where.'
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** Details a failure carries into the output XML. Never holds secrets (they are redacted on the way out). */
export interface ErrorDetails {
  readonly httpStatus?: number;
  readonly method?: string;
  readonly url?: string;
  /** The service's own error code, e.g. an OData `error.code` or DataWorks `ErrorCode`. */
  readonly serviceCode?: string;
  /** The service's own error message. */
  readonly serviceMessage?: string;
  /** Where in the envelope or request the problem is, e.g. `Entity/Property[@name='Price']`. */
  readonly target?: string;
  /** Anything else worth showing, rendered as `<Detail name="…">`. */
  readonly extra?: Readonly<Record<string, string>>;
}

/** Base of every failure the runtime turns into status -1. Programmer errors use plain `Error`. */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { readonly cause?: unknown }
  ) {
    super(message, options);
  }
}

/** Shorthand for the most common caller-side failure. */
export function envelopeError(message: string, target?: string): ConnectorError {
  return new ConnectorError('ENVELOPE_INVALID', message, target === undefined ? {} : { target });
}

/** Returns whether a value is a {@link ConnectorError}. */
export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}
