/**
 * The n8n descriptions of the action node and the polling-trigger node: an `authentication`
 * choice with one credential type per authorization option, an operation (or event) choice,
 * each operation's required fields shown for it, and its optional fields under "Additional
 * fields". The plans say which parameter feeds which input field, for the runtime.
 */
import { ConnectorError } from '../../sdk/errors';
import type { PlatformConnectorModel, PlatformOperation } from '../shared';
import type { PlatformField } from '../shared/field-model';
import type { N8nNames } from './naming';
import type { N8nNodeCredential, N8nNodeDescription, N8nProperty } from './n8n-types';
import { toN8nProperty } from './properties';

/** The parameter holding an operation's optional fields. */
export const ADDITIONAL_FIELDS = 'additionalFields';
/** The parameter choosing the authorization option. */
export const AUTHENTICATION = 'authentication';
/** The parameter choosing the action (action node) or the trigger (trigger node). */
export const OPERATION = 'operation';
export const EVENT = 'event';

/** Where one input field's value comes from. */
export interface FieldPlan {
  field: PlatformField;
  /** The top-level parameter, or the key inside `additionalFields`. */
  param: string;
  additional: boolean;
  /**
   * For a list of objects: the key inside `additionalFields` of the same list as JSON, used
   * instead of the repeatable group when set (a list from an earlier node, `{{ $json.lines }}`).
   */
  jsonParam?: string;
}

/** The "as JSON" alternative of a list-of-objects field. */
function jsonAlternative(field: PlatformField): N8nProperty {
  return {
    displayName: `${field.label} (JSON)`,
    name: `${field.name}_json`,
    type: 'json',
    default: '',
    description: `${field.label} as a JSON list of objects, e.g. an expression such as {{ $json.${field.name} }}. Used instead of the entries above when set.`,
  };
}

/** A node description and, per operation key, how its parameters become the input. */
export interface DescribedNode {
  description: N8nNodeDescription;
  plans: Record<string, FieldPlan[]>;
}

/** The `methods.credentialTest` entry of a credential type. */
export function credentialTestName(credentialName: string): string {
  return `test${credentialName.charAt(0).toUpperCase()}${credentialName.slice(1)}`;
}

function authenticationParts(
  model: PlatformConnectorModel,
  names: N8nNames,
): { property: N8nProperty; credentials: N8nNodeCredential[] } {
  const first = model.authOptions[0];
  if (first === undefined)
    throw new ConnectorError('invalid_input', 'The connector has no authorization option.');
  return {
    property: {
      displayName: 'Authentication',
      name: AUTHENTICATION,
      type: 'options',
      noDataExpression: true,
      default: first.key,
      options: model.authOptions.map((option) => ({ name: option.title, value: option.key })),
    },
    credentials: model.authOptions.map((option) => {
      const name = names.credentials[option.key]?.name ?? option.key;
      return {
        name,
        required: true,
        displayOptions: { show: { [AUTHENTICATION]: [option.key] } },
        testedBy: credentialTestName(name),
      };
    }),
  };
}

function signature(property: N8nProperty): string {
  const { displayOptions: _shown, ...rest } = property;
  return JSON.stringify(rest);
}

/**
 * Parameters of every operation under one selector. A name two operations use for different
 * fields (another type or choices) is prefixed with the operation key, so neither operation's
 * value leaks into the other's.
 */
function operationParameters(
  operations: PlatformOperation[],
  selector: string,
): { properties: N8nProperty[]; plans: Record<string, FieldPlan[]> } {
  const seen = new Map<string, string>();
  const reserved = new Set([AUTHENTICATION, OPERATION, EVENT, ADDITIONAL_FIELDS]);
  const properties: N8nProperty[] = [];
  const plans: Record<string, FieldPlan[]> = {};
  for (const operation of operations) {
    const show = { show: { [selector]: [operation.key] } };
    const plan: FieldPlan[] = [];
    for (const field of operation.input.filter((f) => f.required)) {
      let param = field.name;
      const candidate = toN8nProperty(field, param);
      const known = seen.get(param);
      if (reserved.has(param) || (known !== undefined && known !== signature(candidate)))
        param = `${operation.key}_${field.name}`;
      const property = toN8nProperty(field, param);
      seen.set(param, signature(property));
      properties.push({ ...property, displayOptions: show });
      const list = field.type === 'array' && field.properties !== undefined;
      plan.push({
        field,
        param,
        additional: false,
        ...(list ? { jsonParam: `${field.name}_json` } : {}),
      });
    }
    const optional = operation.input.filter((f) => !f.required);
    const lists = operation.input.filter((f) => f.type === 'array' && f.properties !== undefined);
    const extra = [...optional.map((field) => toN8nProperty(field)), ...lists.map(jsonAlternative)];
    if (extra.length > 0) {
      properties.push({
        displayName: 'Additional Fields',
        name: ADDITIONAL_FIELDS,
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        displayOptions: show,
        options: extra,
      });
      for (const field of optional) {
        const list = field.type === 'array' && field.properties !== undefined;
        plan.push({
          field,
          param: field.name,
          additional: true,
          ...(list ? { jsonParam: `${field.name}_json` } : {}),
        });
      }
    }
    plans[operation.key] = plan;
  }
  return { properties, plans };
}

function selectorProperty(
  name: string,
  displayName: string,
  operations: PlatformOperation[],
): N8nProperty {
  return {
    displayName,
    name,
    type: 'options',
    noDataExpression: true,
    default: operations[0]?.key ?? '',
    options: operations.map((operation) => ({
      name: operation.title,
      value: operation.key,
      description: operation.description,
      action: operation.title,
    })),
  };
}

/** The action node: one operation per connector action. */
export function describeActionNode(model: PlatformConnectorModel, names: N8nNames): DescribedNode {
  const auth = authenticationParts(model, names);
  const { properties, plans } = operationParameters(model.actions, OPERATION);
  return {
    description: {
      displayName: names.displayName,
      name: names.nodeName,
      icon: `file:${names.iconFile}`,
      group: ['transform'],
      version: 1,
      subtitle: `={{$parameter["${OPERATION}"]}}`,
      description: model.description,
      defaults: { name: names.displayName },
      inputs: ['main'],
      outputs: ['main'],
      credentials: auth.credentials,
      properties: [
        auth.property,
        selectorProperty(OPERATION, 'Operation', model.actions),
        ...properties,
      ],
    },
    plans,
  };
}

/** The polling-trigger node: one event per connector trigger. */
export function describeTriggerNode(model: PlatformConnectorModel, names: N8nNames): DescribedNode {
  const auth = authenticationParts(model, names);
  const { properties, plans } = operationParameters(model.triggers, EVENT);
  return {
    description: {
      displayName: `${names.displayName} Trigger`,
      name: names.triggerName,
      icon: `file:${names.iconFile}`,
      group: ['trigger'],
      version: 1,
      subtitle: `={{$parameter["${EVENT}"]}}`,
      description: `Starts the workflow on ${model.title} events (polling).`,
      defaults: { name: `${names.displayName} Trigger` },
      inputs: [],
      outputs: ['main'],
      polling: true,
      credentials: auth.credentials,
      properties: [auth.property, selectorProperty(EVENT, 'Event', model.triggers), ...properties],
    },
    plans,
  };
}
