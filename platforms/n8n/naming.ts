/** The names n8n knows the generated package, nodes and credential types by. */
import type { PlatformAuthOption, PlatformConnectorModel } from '../shared';

/** Names for one connector. */
export interface N8nNames {
  /** npm package name, `n8n-nodes-<slug>` (n8n finds community packages by this prefix). */
  packageName: string;
  /** Class and file stem of the action node (`Workday` -> `Workday.node.js`). */
  nodeClass: string;
  /** Node type name (`workday`); in workflows `<packageName>.<nodeName>`. */
  nodeName: string;
  triggerClass: string;
  triggerName: string;
  /** Display name of the action node. */
  displayName: string;
  /** The icon file beside the node files. */
  iconFile: string;
  /** Credential type per authorization option key. */
  credentials: Record<string, { className: string; name: string }>;
}

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `refresh token` -> `RefreshToken`. */
export function pascalCase(text: string): string {
  return words(text)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

/** `Refresh token` -> `refreshToken`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

function credentialNames(title: string, option: PlatformAuthOption) {
  // n8n's own OAuth2 credentials end in OAuth2Api; the editor shows the OAuth button for them.
  const suffix = option.grant === 'authorization_code' ? 'OAuth2Api' : 'Api';
  const className = `${pascalCase(`${title} ${option.key}`)}${suffix}`;
  return { className, name: className.charAt(0).toLowerCase() + className.slice(1) };
}

/** Derives every n8n name from the connector's title and authorization option keys. */
export function n8nNames(model: PlatformConnectorModel): N8nNames {
  const slug = words(model.title).join('-').toLowerCase();
  const nodeClass = pascalCase(model.title);
  return {
    packageName: `n8n-nodes-${slug}`,
    nodeClass,
    nodeName: camelCase(model.title),
    triggerClass: `${nodeClass}Trigger`,
    triggerName: `${camelCase(model.title)}Trigger`,
    displayName: model.title,
    iconFile: `${slug}.svg`,
    credentials: Object.fromEntries(
      model.authOptions.map((option) => [option.key, credentialNames(model.title, option)]),
    ),
  };
}
