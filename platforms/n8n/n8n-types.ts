/**
 * The parts of n8n's node and credential description types (n8n-workflow `INodeProperties`,
 * `INodeTypeDescription`, `ICredentialType`) that the generator writes. Declared here rather than
 * imported: n8n-workflow is the platform's peer dependency, not one of ours.
 */

/** n8n parameter types the generator uses. */
export type N8nPropertyType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'options'
  | 'json'
  | 'collection'
  | 'fixedCollection'
  | 'hidden'
  | 'notice';

/** One choice of an `options` parameter. */
export interface N8nOption {
  name: string;
  value: string;
  description?: string;
  /** The sentence the node panel shows for an operation. */
  action?: string;
}

/** One group of a `fixedCollection`. */
export interface N8nCollectionGroup {
  name: string;
  displayName: string;
  values: N8nProperty[];
}

/** One parameter of a node or a field of a credential (`INodeProperties`). */
export interface N8nProperty {
  displayName: string;
  name: string;
  type: N8nPropertyType;
  default: unknown;
  description?: string;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  noDataExpression?: boolean;
  options?: Array<N8nOption | N8nProperty | N8nCollectionGroup>;
  typeOptions?: {
    password?: boolean;
    expirable?: boolean;
    multipleValues?: boolean;
    multipleValueButtonText?: string;
    numberPrecision?: number;
    loadOptionsMethod?: string;
    rows?: number;
  };
  displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
}

/** A credential a node accepts (`INodeCredentialDescription`). */
export interface N8nNodeCredential {
  name: string;
  required: boolean;
  displayOptions?: { show: Record<string, string[]> };
  /** The `methods.credentialTest` entry behind the editor's "Test" button. */
  testedBy?: string;
}

/** A node's description (`INodeTypeDescription`). */
export interface N8nNodeDescription {
  displayName: string;
  name: string;
  icon: string;
  group: string[];
  version: number;
  subtitle?: string;
  description: string;
  defaults: { name: string };
  inputs: string[];
  outputs: string[];
  polling?: true;
  credentials: N8nNodeCredential[];
  properties: N8nProperty[];
}

/** A credential type's declarative part (`ICredentialType` without its functions). */
export interface N8nCredentialDescription {
  name: string;
  displayName: string;
  extends?: string[];
  documentationUrl?: string;
  icon?: string;
  properties: N8nProperty[];
}
