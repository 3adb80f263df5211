import type { HttpRequest, HttpResponse } from '../transport/transport';

/** A request the runtime is asked to send; the plan receives the answer, whatever its status. */
export interface SendStep {
  readonly kind: 'send';
  readonly request: HttpRequest;
}

/** What a plan asks of the runtime. Only sending today; a streaming sink adds its own step kind. */
export type PlanStep = SendStep;

/**
 * The requests an operation makes, as a pure generator: it yields each request and receives its answer, so a
 * request that depends on an earlier answer (the next page, an ETag read first, the next batch chunk) is a
 * visible step and never hidden I/O. The runtime drives it: it sends (through auth, CSRF, signing and retry
 * middlewares), a dry run answers instead of sending, a replay answers from recordings.
 */
export type Plan<Result> = Generator<PlanStep, Result, HttpResponse>;

/**
 * Sends one request and returns the answer: `const response = yield* send(request)`.
 * @param request - The request, fully built by a pure encode step.
 * @returns The response, whatever its status (status policy belongs to the caller).
 */
export function* send(request: HttpRequest): Plan<HttpResponse> {
  return yield { kind: 'send', request };
}

/** A plan that makes no request and returns a value (for branches that need no I/O). */
// eslint-disable-next-line require-yield
export function* done<Result>(result: Result): Plan<Result> {
  return result;
}

/**
 * Runs a plan to its end, handing each step to `carry` (the runtime's send). An error thrown by a step is
 * thrown into the plan, so its `try`/`finally` see it as they would see a failed `await`.
 */
export async function drivePlan<Result>(
  plan: Plan<Result>,
  carry: (step: PlanStep) => Promise<HttpResponse>
): Promise<Result> {
  let next = plan.next();
  while (next.done !== true) {
    let response: HttpResponse;
    try {
      response = await carry(next.value);
    } catch (error) {
      next = plan.throw(error);
      continue;
    }
    next = plan.next(response);
  }
  return next.value;
}
