export { buildN8nPackage } from './build-package';
export type { N8nPackageOptions, N8nPackageResult } from './build-package';
export { describeActionNode, describeTriggerNode } from './node-description';
export type { DescribedNode, FieldPlan } from './node-description';
export { describeCredentials } from './credential-description';
export { n8nNames } from './naming';
export type { N8nNames } from './naming';
export type * from './n8n-types';
