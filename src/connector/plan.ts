import type { XmlWriter } from '../output/xml-writer';
import type { HttpRequest, HttpResponse } from '../transport/transport';

/** A request the runtime is asked to send; the plan receives the answer, whatever its status. */
export interface SendStep {
  readonly kind: 'send';
  readonly request: HttpRequest;
}

/**
 * Part of the result, written now: a paged read writes each page as it comes, so memory holds one page. The
 * runtime hands the writer of the invocation's sink; the final result's `write` continues where it stopped.
 */
export interface EmitStep {
  readonly kind: 'emit';
  /** How many entities (or batch items) this part holds, for progress reports. */
  readonly items?: number;
  write(w: XmlWriter): void;
}

/** What a plan asks of the runtime. */
export type PlanStep = SendStep | EmitStep;

/**
 * The requests an operation makes, as a pure generator: it yields each request and receives its answer, so a
 * request that depends on an earlier answer (the next page, an ETag read first, the next batch chunk) is a
 * visible step and never hidden I/O. The runtime drives it: it sends (through auth, CSRF, signing and retry
 * middlewares), a dry run answers instead of sending, a replay answers from recordings.
 */
export type Plan<Result> = Generator<PlanStep, Result, HttpResponse | undefined>;

/**
 * Sends one request and returns the answer: `const response = yield* send(request)`.
 * @param request - The request, fully built by a pure encode step.
 * @returns The response, whatever its status (status policy belongs to the caller).
 */
export function* send(request: HttpRequest): Plan<HttpResponse> {
  const response = yield { kind: 'send', request };
  if (response === undefined) throw new Error(`The runtime gave no answer to ${request.method} ${request.url}`);
  return response;
}

/**
 * Writes part of the result now: `yield* emit(w => …, page.length)`. Whatever is emitted stays in the output,
 * so emit only what holds whatever comes next; a failure after it is written where the output stands.
 * @param items - How many entities (or batch items) the part holds, for progress reports.
 */
export function* emit(write: (w: XmlWriter) => void, items?: number): Plan<void> {
  yield items === undefined ? { kind: 'emit', write } : { kind: 'emit', write, items };
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
  carry: (step: PlanStep) => Promise<HttpResponse | undefined>
): Promise<Result> {
  let next = plan.next();
  while (next.done !== true) {
    let response: HttpResponse | undefined;
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

/**
 * A step handler that sends each request through `send`, for plans that only send (a model load, a spec
 * driving a plan against a stand-in service); an emit step there is a programming error.
 */
export function sendingTo(
  sendRequest: (request: HttpRequest) => Promise<HttpResponse>
): (step: PlanStep) => Promise<HttpResponse | undefined> {
  return step => {
    if (step.kind !== 'send') throw new Error('This plan writes output; drive it with the runtime');
    return sendRequest(step.request);
  };
}
