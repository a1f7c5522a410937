import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, decodeRecord, firstInvalidUtf8 } from './read-text.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('accepts valid multi-byte text', () =>
    expect(firstInvalidUtf8(new TextEncoder().encode('Éowyn — 北 🚒'))).toBe(-1));
  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong encoding', bytes(0xc0, 0xaf), 0],
    ['a truncated sequence', bytes(0x61, 0xe2, 0x82), 1],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['Latin-1 é', bytes(0x43, 0x61, 0x66, 0xe9), 3],
  ])('finds %s', (_name, input, at) => expect(firstInvalidUtf8(input)).toBe(at));
});

describe('decodeRecord', () => {
  it('strips a byte-order mark', () =>
    expect(decodeRecord(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a' }));
  it('reports the line and column of the first invalid byte', () => {
    expect(
      decodeRecord(new Uint8Array([...new TextEncoder().encode('name: ok\narea: Caf'), 0xe9])),
    ).toMatchObject({ problem: { line: 2, column: 10, rule: 'file/encoding' } });
  });
  it('refuses binary, empty and huge files', () => {
    expect(decodeRecord(bytes(0x89, 0x50, 0x00))).toMatchObject({
      problem: { rule: 'file/binary' },
    });
    expect(decodeRecord(bytes(0x20, 0x0a))).toMatchObject({ problem: { rule: 'file/empty' } });
    expect(decodeRecord(new Uint8Array(MAX_FILE_BYTES + 1))).toMatchObject({
      problem: { rule: 'file/too-large', line: 0 },
    });
  });
});
