import type { WorkatoField } from '../../sdk/schema';

/** Identifies the manifest layout, so an uploader can refuse one it does not know. */
export const MANIFEST_FORMAT = 'workato-style-connector-manifest';
/** Bumped when a field of the manifest changes meaning. */
export const MANIFEST_FORMAT_VERSION = 1;

/** One action or trigger as the upload manifest lists it. */
export interface ManifestOperation {
  /** The stable operation key (`search_inbox_tasks`). */
  key: string;
  title: string;
  subtitle?: string;
  description: string;
  help?: string;
  /** Workato-style input field list (labels, hints, pick lists) generated from the zod schema. */
  input_fields: WorkatoField[];
  /** Workato-style output field list. */
  output_fields: WorkatoField[];
  /** JSON Schema of what a caller sends (fields with defaults are optional). */
  input_schema: object;
  /** JSON Schema of what the operation returns (for a trigger: one event). */
  output_schema: object;
  /** The operation's `sample_output`, as parsed by its output schema. */
  sample_output: unknown;
  /** Remote permissions (Workday functional areas) the operation needs. */
  scopes: string[];
  /** Names of the probes `connector doctor` runs for this operation. */
  probes: string[];
}

/** One authorization option of the connection (functions are not serialisable; their facts are). */
export interface ManifestAuthorizationOption {
  key: string;
  title?: string;
  type: string;
  grant?: string;
  pkce?: boolean;
}

/** The `manifest.json` written beside the bundled `connector.js`. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  format_version: typeof MANIFEST_FORMAT_VERSION;
  title: string;
  version: string;
  description: string;
  connection: {
    /** The connection form; secret fields have `control_type: 'password'`. */
    fields: WorkatoField[];
    schema: object;
    authorization: { type: string; options: ManifestAuthorizationOption[] };
  };
  actions: ManifestOperation[];
  triggers: ManifestOperation[];
  /** Names of the connector's pick lists, as fields reference them. */
  pick_lists: string[];
  object_definitions: string[];
  /** The bundle this manifest describes. */
  bundle: { file: string; bytes: number; sha256: string };
}

/** Something that makes a build fail, located by operation and field. */
export interface BuildProblem {
  /** `actions.NAME`, `triggers.NAME`, `connection` or `bundle`. */
  where: string;
  /** Dotted field path inside it, when one is at fault. */
  field?: string;
  message: string;
}
