import * as z from 'zod';
import { createResponseMemo } from '../api/http/response-memo';

/** A schema that counts how often it validated a body. */
function countingSchema() {
  const counter = { runs: 0 };
  const schema = z.object({
    name: z.string().refine((name) => {
      counter.runs++;
      return name !== 'refused';
    }),
    tags: z.array(z.string()),
  });
  return { schema, counter };
}

const BODY = JSON.stringify({ name: 'Ada', tags: ['a', 'b'] });

describe('response memo', () => {
  it('answers a body identical to the last accepted one with the same frozen value, without validating it again', () => {
    const { schema, counter } = countingSchema();
    const memo = createResponseMemo();

    const first = memo.parse('GET /users/me', schema, BODY);
    const second = memo.parse('GET /users/me', schema, JSON.stringify(JSON.parse(BODY)));

    expect(first).toEqual({ ok: true, data: { name: 'Ada', tags: ['a', 'b'] } });
    expect(second.ok && first.ok && second.data === first.data).toBe(true);
    expect(counter.runs).toBe(1);
    expect(first.ok && Object.isFrozen(first.data) && Object.isFrozen(first.data.tags)).toBe(true);
  });

  it('validates a body that differs by one character', () => {
    const { schema, counter } = countingSchema();
    const memo = createResponseMemo();

    memo.parse('GET /users/me', schema, BODY);
    const changed = memo.parse('GET /users/me', schema, BODY.replace('Ada', 'Adb'));

    expect(changed).toEqual({ ok: true, data: { name: 'Adb', tags: ['a', 'b'] } });
    expect(counter.runs).toBe(2);
  });

  it('never gives a value accepted by one schema to another schema, for the same key and text', () => {
    const { schema } = countingSchema();
    const strict = z.strictObject({ name: z.string() });
    const memo = createResponseMemo();

    memo.parse('GET /users/me', schema, BODY);
    const other = memo.parse('GET /users/me', strict, BODY, 'response');

    expect(other).toEqual({ ok: false, details: [{ path: 'response.tags', message: '"tags" is not a known field' }] });
  });

  it('reports a body that is not JSON as a problem of the schema, and does not remember failures', () => {
    const { schema, counter } = countingSchema();
    const memo = createResponseMemo();

    const broken = memo.parse('GET /users/me', schema, '{"name": "Ada"', 'response');
    const refused = memo.parse('GET /users/me', schema, '{"name": "refused", "tags": []}', 'response');
    const again = memo.parse('GET /users/me', schema, '{"name": "refused", "tags": []}', 'response');

    expect(broken.ok ? [] : broken.details.map((detail) => detail.path)).toEqual(['response']);
    expect(refused.ok ? [] : refused.details.map((detail) => detail.path)).toEqual(['response.name']);
    expect(again).toEqual(refused);
    expect(counter.runs).toBe(2);
  });

  it('keeps at most maxEntries bodies, forgetting the least recently used one', () => {
    const { schema, counter } = countingSchema();
    const memo = createResponseMemo({ maxEntries: 2 });

    memo.parse('a', schema, BODY);
    memo.parse('b', schema, BODY);
    memo.parse('a', schema, BODY);
    memo.parse('c', schema, BODY);
    memo.parse('a', schema, BODY);
    memo.parse('b', schema, BODY);

    // a, b, c validated once each; b was the least recently used when c came, so it is validated again.
    expect(counter.runs).toBe(4);
  });

  it('keeps the bodies within maxTotalLength together, forgetting the least recently used first', () => {
    const { schema, counter } = countingSchema();
    const memo = createResponseMemo({ maxTotalLength: BODY.length * 2 });

    memo.parse('a', schema, BODY);
    memo.parse('b', schema, BODY);
    memo.parse('c', schema, BODY);
    memo.parse('b', schema, BODY);
    memo.parse('a', schema, BODY);

    // Room for two bodies: c pushed a out, so a is validated again; b stayed.
    expect(counter.runs).toBe(4);
  });

  it('does not keep a body longer than maxTextLength, nor anything after clear()', () => {
    const { schema, counter } = countingSchema();
    const memo = createResponseMemo({ maxTextLength: BODY.length - 1 });
    const unbounded = createResponseMemo();

    memo.parse('GET /users/me', schema, BODY);
    memo.parse('GET /users/me', schema, BODY);
    unbounded.parse('GET /users/me', schema, BODY);
    unbounded.clear();
    unbounded.parse('GET /users/me', schema, BODY);

    expect(counter.runs).toBe(4);
  });
});
