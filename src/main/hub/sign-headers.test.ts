import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { javaHashMapOrder, javaStringHash } from './java-hash-order.ts';
import { signHeaders, vxpTimestamp } from './sign-headers.ts';

const SECRET = 'A7TKG/r2gOKTEpe1MhWx6zw8O4JfzN0KkCRS6HZY81Ve';

function hmac(message: string): string {
  return createHmac('sha256', SECRET).update(message).digest('hex');
}

describe('vxpTimestamp (SimpleDateFormat ddMMyyyy\'T\'HHmmss+SSSS in Vietnam time)', () => {
  // Expected strings printed by java.text.SimpleDateFormat with zone Asia/Ho_Chi_Minh.
  it('prints milliseconds as four zero-padded digits after a literal plus', () => {
    expect(vxpTimestamp(new Date('2026-01-01T00:00:00.005Z'))).toBe('01012026T070000+0005');
    expect(vxpTimestamp(new Date('2026-01-01T01:02:03.789Z'))).toBe('01012026T080203+0789');
  });

  it('uses Vietnam time, so a UTC evening is the next day', () => {
    expect(vxpTimestamp(new Date('2025-12-31T17:30:00.000Z'))).toBe('01012026T003000+0000');
  });
});

describe('javaHashMapOrder', () => {
  it('matches java.lang.String.hashCode', () => {
    // Values from the JVM.
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('systemid')).toBe(1976086410);
    expect(javaStringHash('XroadVnpt-sign-header-key')).toBe(80879542);
    expect(javaStringHash('description')).toBe(-1724546052);
  });

  it('matches the iteration order a JVM HashMap gives (printed by OpenJDK 17)', () => {
    expect(javaHashMapOrder(['timestamp', 'systemid', 'Content-Type', 'servicetype', 'messagetype', 'from', 'hash-file'])).toEqual([
      'systemid', 'servicetype', 'messagetype', 'hash-file', 'from', 'timestamp', 'Content-Type',
    ]);
    expect(
      javaHashMapOrder(['timestamp', 'systemid', 'Content-Type', 'servicetype', 'messagetype', 'fromDate', 'toDate', 'status', 'pageSize', 'pageIndex']),
    ).toEqual(['fromDate', 'systemid', 'servicetype', 'messagetype', 'pageIndex', 'toDate', 'pageSize', 'timestamp', 'Content-Type', 'status']);
    expect(javaHashMapOrder(['timestamp', 'systemid', 'Content-Type', 'docId', 'status', 'description'])).toEqual([
      'systemid', 'docId', 'description', 'timestamp', 'Content-Type', 'status',
    ]);
    expect(javaHashMapOrder('abcdefghijklmnopqrst'.split(''))).toEqual('abcdefghijklmnopqrst'.split(''));
  });
});

describe('signHeaders', () => {
  const timestamp = vxpTimestamp(new Date('2026-01-01T01:02:03.789Z'));

  it('builds the sendEdoc headers exactly as the SDK does', () => {
    const signed = signHeaders({
      systemId: 'vxp.saas.03',
      secret: SECRET,
      timestamp,
      contentType: 'application/octet-stream',
      params: { from: '000.00.00.G22', servicetype: 'eDoc', messagetype: 'edoc', 'hash-file': 'a0b1' },
    });
    const signHeader =
      '{"XroadVnpt-systemid":"vxp.saas.03","XroadVnpt-servicetype":"eDoc","XroadVnpt-messagetype":"edoc","XroadVnpt-hash-file":"a0b1",' +
      '"XroadVnpt-from":"000.00.00.G22","XroadVnpt-timestamp":"01012026T080203+0789","XroadVnpt-Content-Type":"application/octet-stream"}';
    expect(signed.signHeader).toBe(signHeader);
    expect(signed.signHeaderKey).toBe('systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type');
    expect(signed.hashHeader).toBe(hmac(signHeader));
    expect(signed.hashHeader).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.entries(signed.headers)).toEqual([
      ['XroadVnpt-systemid', 'vxp.saas.03'],
      ['XroadVnpt-servicetype', 'eDoc'],
      ['XroadVnpt-messagetype', 'edoc'],
      ['XroadVnpt-hash-file', 'a0b1'],
      ['XroadVnpt-from', '000.00.00.G22'],
      ['XroadVnpt-timestamp', '01012026T080203+0789'],
      ['Content-Type', 'application/octet-stream'],
      ['XroadVnpt-Content-Type', 'application/octet-stream'],
      ['XroadVnpt-sign-header-key', 'systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type'],
      ['XroadVnpt-sign-header', signHeader],
      ['XroadVnpt-hash-header', hmac(signHeader)],
      ['User-Agent', 'JAVASDKAgent/1.0.0 XRoad/VPCP'],
      ['XroadVnpt-version', '3.0.201608'],
    ]);
  });

  it('escapes quotes and backslashes as Gson does', () => {
    const signed = signHeaders({ systemId: 's', secret: SECRET, timestamp, contentType: 'application/json', params: { docId: 'a"b\\c' } });
    expect(signed.signHeader).toBe(
      '{"XroadVnpt-systemid":"s","XroadVnpt-docId":"a\\"b\\\\c","XroadVnpt-timestamp":"01012026T080203+0789","XroadVnpt-Content-Type":"application/json"}',
    );
    expect(signed.headers['XroadVnpt-docId']).toBe('a"b\\c');
  });

  it('changes the HMAC when any signed value changes', () => {
    const base = { systemId: 's', secret: SECRET, timestamp, contentType: 'application/json' };
    const a = signHeaders({ ...base, params: { docId: 'x' } });
    const b = signHeaders({ ...base, params: { docId: 'y' } });
    const c = signHeaders({ ...base, secret: `${SECRET}x`, params: { docId: 'x' } });
    expect(new Set([a.hashHeader, b.hashHeader, c.hashHeader]).size).toBe(3);
  });

  it('refuses values that cannot travel in a header unchanged', () => {
    for (const value of ['Tiếng Việt', 'a\nb', 'tab\there']) {
      expect(() => signHeaders({ systemId: 's', secret: SECRET, timestamp, contentType: 'application/json', params: { description: value } })).toThrow(AppError);
    }
    expect(() => signHeaders({ systemId: 's', secret: SECRET, timestamp, contentType: 'application/json', params: { systemid: 'x' } })).toThrow(AppError);
  });
});
