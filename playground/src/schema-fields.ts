import type { RequestName } from 'aurora-backend-handler';
import { requests } from 'aurora-backend-handler/schemas';
import { z } from 'zod';
import { REFERENCE_FIELDS } from './references';

/**
 * How a form edits one top-level field of an operation's input: `reference` is a select of the names of
 * the tree's nodes (see references.ts), `provider` the cloud provider form (see cloud-provider-form.ts).
 */
export type FieldKind =
  'text' | 'secret' | 'number' | 'integer' | 'boolean' | 'enum' | 'json' | 'reference' | 'provider';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  options: readonly string[];
  /** A hint from the schema: format, bounds, pattern. */
  hint: string;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const SECRET = /password|secret/i;

function kindOf(name: string, schema: JsonSchema): FieldKind {
  if (name === 'cloudProvider') return 'provider';
  if (REFERENCE_FIELDS[name] !== undefined && schema.type === 'string') return 'reference';
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')) return 'enum';
  switch (schema.type) {
    case 'string':
      return SECRET.test(name) ? 'secret' : 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

function hintOf(kind: FieldKind, schema: JsonSchema): string {
  if (kind === 'json') return schema.type === 'array' ? 'JSON array' : 'JSON object';
  const parts: string[] = [];
  if (schema.format !== undefined) parts.push(schema.format);
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    parts.push(`${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`);
  }
  if (schema.pattern !== undefined && schema.format === undefined && schema.pattern.length < 40) {
    parts.push(`/${schema.pattern}/`);
  }
  return parts.join(' · ');
}

const cache = new Map<RequestName, FieldSpec[]>();

/**
 * The top-level fields of `operation`'s input, read from its zod schema through `z.toJSONSchema`: strings,
 * numbers, booleans, enums and references get their own control; the cloud provider its own form; other
 * arrays and objects are edited as JSON.
 */
export function fieldsOf(operation: RequestName): FieldSpec[] {
  const known = cache.get(operation);
  if (known !== undefined) return known;
  const schema = z.toJSONSchema(requests[operation].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]): FieldSpec => {
    const kind = kindOf(name, property);
    return {
      name,
      kind,
      required: required.has(name),
      options: kind === 'enum' ? (property.enum as string[]) : [],
      hint: hintOf(kind, property),
    };
  });
  cache.set(operation, fields);
  return fields;
}
