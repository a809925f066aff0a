import { describe, expect, it } from 'vitest';
import { AUDIT_CHAINS, canonicalJson, canonicalRow, chainHash, GENESIS_HASH } from './chain.ts';

const events = AUDIT_CHAINS.find((c) => c.name === 'audit_events')!;
const signIns = AUDIT_CHAINS.find((c) => c.name === 'sign_in_audit')!;

const eventRow = {
  id: '7d0c3a4e-0000-4000-8000-000000000001',
  seq: '1',
  actor_id: null,
  action: 'card.issue',
  target_type: 'card',
  target_id: '42',
  // as PostgreSQL prints jsonb: its own key order, which is not ours
  detail: '{"b": {"y": "é", "x": null}, "a": [2, 1]}',
  ip: '10.0.0.1',
  at: '2025-03-01T08:00:00.123456Z',
};

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives equal text for equal values written in any key order', () => {
    expect(canonicalJson(JSON.parse('{"x":1,"y":{"q":true,"p":"s"}}'))).toBe(
      canonicalJson(JSON.parse('{"y":{"p":"s","q":true},"x":1}')),
    );
  });

  it('escapes strings as JSON does and keeps non-ASCII text as is', () => {
    expect(canonicalJson({ k: 'a"b\n张三' })).toBe('{"k":"a\\"b\\n张三"}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('canonicalRow', () => {
  it('writes every column in the chain order, nulls explicit, jsonb keys sorted', () => {
    expect(canonicalRow(events, eventRow)).toBe(
      '{"id":"7d0c3a4e-0000-4000-8000-000000000001","seq":"1","actor_id":null,"action":"card.issue",' +
        '"target_type":"card","target_id":"42","detail":{"a":[2,1],"b":{"x":null,"y":"é"}},' +
        '"ip":"10.0.0.1","at":"2025-03-01T08:00:00.123456Z"}',
    );
  });

  it('does not depend on the order the columns came in', () => {
    const reversed = Object.fromEntries(Object.entries(eventRow).reverse());
    expect(canonicalRow(events, reversed)).toBe(canonicalRow(events, eventRow));
  });

  it('tells a null from an empty string and from the text "null"', () => {
    const a = canonicalRow(events, { ...eventRow, target_id: null });
    const b = canonicalRow(events, { ...eventRow, target_id: '' });
    const c = canonicalRow(events, { ...eventRow, target_id: 'null' });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('keeps microseconds: timestamps one microsecond apart differ', () => {
    expect(canonicalRow(events, { ...eventRow, at: '2025-03-01T08:00:00.123457Z' })).not.toBe(
      canonicalRow(events, eventRow),
    );
  });

  it('refuses a row that lacks a column', () => {
    const { user_agent: _, ...partial } = {
      id: 'x',
      seq: '1',
      account_id: null,
      identifier: 'zhangsan',
      method: 'password',
      outcome: 'success',
      ip: null,
      user_agent: null,
      at: '2025-03-01T08:00:00.000000Z',
    };
    expect(() => canonicalRow(signIns, partial)).toThrow(/user_agent/);
  });

  it('seals every column exactly once, and seq (so a seal names its row)', () => {
    for (const chain of AUDIT_CHAINS) {
      const names = chain.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain('seq');
    }
  });
});

describe('chainHash', () => {
  it('is SHA-256 over the previous hash, a newline and the canonical row (pinned: a format change breaks every seal)', () => {
    expect(chainHash(GENESIS_HASH, canonicalRow(events, eventRow))).toBe(
      '098724d86bc6ec4118829070df3b213c2272d96501193acc806f1cd5ef17d17c',
    );
  });

  it('depends on the previous hash and on every character of the row', () => {
    const canonical = canonicalRow(events, eventRow);
    const base = chainHash(GENESIS_HASH, canonical);
    expect(chainHash('1'.repeat(64), canonical)).not.toBe(base);
    expect(chainHash(GENESIS_HASH, canonicalRow(events, { ...eventRow, ip: '10.0.0.2' }))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
