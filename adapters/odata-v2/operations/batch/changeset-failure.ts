import { ConnectorError, type BatchResponsePart } from '../../../../src/sdk';
import type { PlannedPart } from './batch-plan';

/** A changeset the service answered with one error for all its parts, and the part that error names, if any. */
export interface WholeFailure {
  readonly changeSet: number;
  readonly answer: BatchResponsePart;
  /** The part whose Content-ID the error answer carries: the one that failed. */
  readonly culprit?: PlannedPart;
}

/** Returns the whole-changeset failure of a changeset's answers: a single error answer for several parts. */
export function wholeFailureOf(
  parts: readonly PlannedPart[],
  answered: readonly BatchResponsePart[],
  isError: (status: number) => boolean
): WholeFailure | undefined {
  const [answer] = answered;
  const changeSet = parts[0]?.changeSet;
  if (
    answered.length !== 1 ||
    parts.length < 2 ||
    answer === undefined ||
    changeSet === undefined ||
    !isError(answer.status)
  )
    return undefined;
  const culprit =
    answer.contentId === undefined ? undefined : parts.find(p => p.request.contentId === answer.contentId);
  return { changeSet, answer, ...(culprit === undefined ? {} : { culprit }) };
}

/**
 * The error one part of a changeset that failed as a whole reports: the service's code, message and
 * details on every part; the part named by the answer's Content-ID as the one that failed, the others as
 * rolled back because of it.
 */
export function wholeFailureError(
  part: PlannedPart,
  failure: WholeFailure,
  serviceError: ConnectorError
): ConnectorError {
  const { method, url, ...details } = serviceError.details;
  const { answer, culprit, changeSet } = failure;
  const said =
    details.serviceMessage === undefined || details.serviceMessage === '' ? '' : `: ${details.serviceMessage}`;
  const none = 'none of its changes was applied';
  if (culprit === part) {
    return new ConnectorError(
      'HTTP_STATUS',
      `Changeset ${changeSet} failed at this part (Content-ID ${answer.contentId ?? ''}), so ${none}; the service answered ${answer.status}${said}`,
      serviceError.details
    );
  }
  if (culprit !== undefined) {
    return new ConnectorError(
      'HTTP_STATUS',
      `Not applied: changeset ${changeSet} failed at part ${culprit.index} (Content-ID ${answer.contentId ?? ''}, ${culprit.request.method} ${culprit.request.url}), so the service applied none of its changes; it answered ${answer.status}${said}`,
      details
    );
  }
  const unknownId =
    answer.contentId === undefined
      ? ''
      : ` (the answer names Content-ID ${answer.contentId}, which is no part of this changeset)`;
  return new ConnectorError(
    'HTTP_STATUS',
    `The changeset failed as a whole: the service answered ${answer.status} once for all its parts${unknownId}, ${none}${said}`,
    details
  );
}
