import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createParser } from 'eventsource-parser';
import type { ReferenceApi } from '../../testing';

// openapi.json read as a JSON Schema document: its operations, an ajv validator for any schema in it, requests
// built as an operation describes them, and the check that an answer is one the operation documents.

export type Json = Record<string, unknown>;
interface MediaType {
  schema: Json;
}
interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaType>;
}
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
}
interface OperationObject {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Json>; responses: Record<string, ResponseObject> };
}

const DOCUMENT_ID = 'openapi.json';
const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', DOCUMENT_ID), 'utf8')) as OpenApiDocument;

/** A JSON pointer segment inside a URI fragment. */
export const segment = (value: string): string => encodeURIComponent(value.replaceAll('~', '~0').replaceAll('/', '~1'));

export interface DocumentedOperation {
  id: string;
  method: string;
  path: string;
  pointer: string;
  operation: OperationObject;
}

export const documented: DocumentedOperation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    id: operation.operationId,
    method: method.toUpperCase(),
    path,
    pointer: `#/paths/${segment(path)}/${segment(method)}`,
    operation,
  })),
);
export const byId = new Map(documented.map((entry) => [entry.id, entry]));

// The schemas are OpenAPI 3.1, that is JSON Schema 2020-12: validated by ajv's 2020-12 dialect. `strict` is
// off because the document around the schemas has OpenAPI keywords (paths, responses, ...).
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema(doc, DOCUMENT_ID);
const validators = new Map<string, ValidateFunction>();

export function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** The response documented for `status`, with the pointer of its object (following a `$ref` to a component). */
function documentedResponse(entry: DocumentedOperation, status: number) {
  const response = entry.operation.responses[String(status)];
  if (response === undefined) return undefined;
  const component = response.$ref?.replace('#/components/responses/', '');
  if (component === undefined) {
    return { response, pointer: `${entry.pointer}/responses/${status}` };
  }
  const resolved = doc.components.responses[component];
  if (resolved === undefined) throw new Error(`${entry.id}: ${response.$ref ?? ''} does not resolve`);
  return { response: resolved, pointer: `#/components/responses/${segment(component)}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Calling the reference API as the document describes each operation.

export const BASE_URL = 'http://aurora.conformance.test/api';

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}
export interface Answer {
  status: number;
  contentType: string;
  text: string;
  bytes: Uint8Array;
}

function requestFor(entry: DocumentedOperation, call: Call): Request {
  const declared = (entry.operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
  const missing = declared.filter((parameter) => call.params?.[parameter.name] === undefined);
  if (missing.length > 0) throw new Error(`${entry.id}: no value for ${missing.map((item) => item.name).join(', ')}`);
  const path = entry.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(call.params?.[name] ?? ''),
  );
  const search = new URLSearchParams(call.query).toString();
  const headers = new Headers({ Accept: 'application/json', ...call.headers });
  if (call.token !== undefined) headers.set('Authorization', `Bearer ${call.token}`);
  if (call.body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`${BASE_URL}${path}${search === '' ? '' : `?${search}`}`, {
    method: entry.method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}

export async function send(api: ReferenceApi, id: string, call: Call): Promise<Answer> {
  const entry = byId.get(id);
  if (entry === undefined) throw new Error(`the document has no operation ${id}`);
  const response = await api.app.fetch(requestFor(entry, call));
  const contentType = response.headers.get('Content-Type') ?? '';
  const bytes = contentType.includes('text/event-stream')
    ? await firstMessage(response)
    : new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type') ?? '',
    text: new TextDecoder().decode(bytes),
    bytes,
  };
}

/** The bytes of an event stream up to its first message (it never ends by itself); then it is cancelled. */
async function firstMessage(response: Response): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  let text = '';
  const decoder = new TextDecoder();
  while (!/\ndata:[^\n]*\n\n/.test(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return new TextEncoder().encode(text);
}

/** Parses a JSON answer, failing with the text when it is not JSON. */
export function json(answer: Answer): Json {
  return JSON.parse(answer.text) as Json;
}

/** Checks an answer of `entry` against the document: a listed status, and a body that fits what it documents. */
export function expectDocumented(entry: DocumentedOperation, answer: Answer): void {
  const found = documentedResponse(entry, answer.status);
  if (found === undefined) {
    throw new Error(
      `${entry.id} answered ${answer.status}, which the document does not list (it lists ${Object.keys(entry.operation.responses).join(', ')}): ${answer.text}`,
    );
  }
  const media = Object.keys(found.response.content ?? {});
  if (media.length === 0) {
    expect({ status: answer.status, body: answer.text }).toEqual({ status: answer.status, body: '' });
    return;
  }
  if (media.includes('application/pdf')) {
    expect(answer.contentType).toContain('application/pdf');
    expect(new TextDecoder().decode(answer.bytes.slice(0, 5))).toBe('%PDF-');
    return;
  }
  if (media.includes('text/event-stream')) {
    expect(answer.contentType).toContain('text/event-stream');
    const validate = validatorAt(`${found.pointer}/content/${segment('text/event-stream')}/schema`);
    const events: unknown[] = [];
    const parser = createParser({
      onEvent: (message) =>
        events.push({ id: message.id, type: message.event, data: JSON.parse(message.data) as unknown }),
    });
    parser.feed(answer.text);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events)
      expect({ event, errors: validate(event) ? null : validate.errors }).toEqual({ event, errors: null });
    return;
  }
  expect(media).toEqual(['application/json']);
  expect(answer.contentType).toContain('application/json');
  const validate = validatorAt(`${found.pointer}/content/${segment('application/json')}/schema`);
  const body = json(answer);
  const valid = validate(body);
  expect({ status: answer.status, errors: valid ? null : validate.errors }).toEqual({
    status: answer.status,
    errors: null,
  });
}
