import { ConnectorError } from '../errors/connector-error';
import type { HttpResponse } from '../transport/transport';

/** How an operation that must not be sent twice (a create) tells the user to find out what happened. */
export interface NotIdempotent {
  /** The read that shows whether it took effect, e.g. "ListDataSources (look for the name)". */
  readonly checkWith: string;
}

/**
 * Whether a failure leaves the outcome unknown: the server failed (5xx) or did not answer in time after the
 * request may have reached it. A refused request (4xx, 429 from the gateway) or an unreachable server did nothing.
 */
export function outcomeUnknown(error: ConnectorError): boolean {
  const status = error.details.httpStatus;
  return error.code === 'TIMEOUT' || (status !== undefined && status >= 500);
}

/** Adds to a failure of a non-idempotent operation that its outcome is unknown, and what to check before retrying. */
export function withUnknownOutcome(error: ConnectorError, rule: NotIdempotent): ConnectorError {
  const message = `${error.message} — the outcome is unknown: the request may have reached the server, so it was not sent again; check with ${rule.checkWith} before retrying`;
  return new ConnectorError(
    error.code,
    message,
    { ...error.details, extra: { ...error.details.extra, Outcome: 'unknown' } },
    { cause: error }
  );
}

/** Adds how many attempts were made (when the retry middleware retried) to a failure that does not say so yet. */
export function withAttempts(error: ConnectorError, response: HttpResponse | undefined): ConnectorError {
  const attempts = response?.attempts;
  if (attempts === undefined || error.details.extra?.['Attempts'] !== undefined) return error;
  return new ConnectorError(
    error.code,
    error.message,
    { ...error.details, extra: { ...error.details.extra, Attempts: String(attempts) } },
    { cause: error }
  );
}
