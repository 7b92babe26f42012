/** Identifier helpers for generated code. */

const words = (text: string): string[] => text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** `external_agents.register-call` → `ExternalAgentsRegisterCall`. */
export function pascalCase(text: string): string {
  return words(text).map(capitalize).join("");
}

/** `list-members` → `listMembers`, `external_agents` → `externalAgents`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
