// The plan contract, until src/sdk.ts exports it (asked of the lead in the wt-v2 commits); then this file goes.
export type { ModelSource, PlanContext } from '../../src/connector/connector';
export { operationsOf } from '../../src/connector/connector';
export type { ParamsOf } from '../../src/connector/param-spec';
export type { Plan } from '../../src/connector/plan';
export { send } from '../../src/connector/plan';
