import type { Logger } from '../connector/connector';
import type { TransportMiddleware } from './middleware';
import { DRY_RUN_HEADER } from './dry-run-transport';
import { sanitizeUrl } from './redact';

/** Logs each exchange at debug level: method, URL (credentials masked), status and time; never headers or bodies. */
export function loggingMiddleware(log: Logger, now: () => number = () => Date.now()): TransportMiddleware {
  return async (request, next) => {
    const started = now();
    const line = `${request.method} ${sanitizeUrl(request.url)}`;
    try {
      const response = await next(request);
      log(
        'debug',
        response.headers[DRY_RUN_HEADER] === undefined
          ? `${line} → ${response.status} (${now() - started} ms)`
          : `${line} → not sent (dry run)`
      );
      return response;
    } catch (error) {
      log('warn', `${line} → ${(error as Error).message} (${now() - started} ms)`);
      throw error;
    }
  };
}
