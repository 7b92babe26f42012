import type { Conflict, OrgRole, RateLimit } from "@/lib/catalog";
import type { JsonSchema } from "@/lib/catalog/json-schema";

/** The subset of OpenAPI 3.1 the portal emits. Schemas are JSON Schema 2020-12 (`$ref` included). */
export type SchemaObject = JsonSchema;

export interface ExampleObject {
  summary?: string;
  value: unknown;
}

export interface MediaTypeObject {
  schema: SchemaObject;
  examples?: Record<string, ExampleObject>;
}

export interface HeaderObject {
  description: string;
  schema: SchemaObject;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: SchemaObject;
}

export interface RequestBodyObject {
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
}

/** Scheme name → scopes (always empty: none of our schemes has scopes). */
export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  security: SecurityRequirement[];
  "x-rate-limit"?: RateLimit;
  "x-permission"?: string;
  "x-roles"?: OrgRole[];
  "x-conflicts"?: Conflict[];
  "x-keywords"?: string[];
}

export type PathMethod = "get" | "post" | "put" | "patch" | "delete";
export type PathItemObject = Partial<Record<PathMethod, OperationObject>>;

export type SecuritySchemeObject =
  | { type: "apiKey"; in: "header"; name: string; description: string }
  | { type: "http"; scheme: "bearer"; bearerFormat: string; description: string };

export interface TagObject {
  name: string;
  description: string;
  "x-displayName": string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  tags: TagObject[];
  paths: Record<string, PathItemObject>;
  components: {
    securitySchemes: Record<string, SecuritySchemeObject>;
    schemas: Record<string, SchemaObject>;
  };
}
