import { openSync, readSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { architectureMismatch, readLibraryHeader } from './library-architecture.ts';

// The smallest bytes the PE format puts before the Machine field: "MZ", e_lfanew at 0x3c, then
// "PE\0\0" and the COFF Machine (little-endian).
function peHeader(machine: number): Uint8Array {
  const bytes = new Uint8Array(0x100);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  view.setUint32(0x3c, 0x80, true);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  view.setUint16(0x84, machine, true);
  return bytes;
}

function elfHeader(elfClass: 1 | 2, machine: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, elfClass, 1, 1]);
  new DataView(bytes.buffer).setUint16(18, machine, true);
  return bytes;
}

describe('readLibraryHeader', () => {
  it('reads the PE Machine field of a DLL', () => {
    expect(readLibraryHeader(peHeader(0x014c))).toEqual({ format: 'pe', arch: 'ia32' });
    expect(readLibraryHeader(peHeader(0x8664))).toEqual({ format: 'pe', arch: 'x64' });
    expect(readLibraryHeader(peHeader(0xaa64))).toEqual({ format: 'pe', arch: 'arm64' });
    expect(readLibraryHeader(peHeader(0x1234))).toEqual({ format: 'pe', arch: null });
  });

  it('reads an ELF e_machine', () => {
    expect(readLibraryHeader(elfHeader(1, 3))).toEqual({ format: 'elf', arch: 'ia32' });
    expect(readLibraryHeader(elfHeader(2, 62))).toEqual({ format: 'elf', arch: 'x64' });
  });

  it('reads the real SoftHSM module as a library for this machine', () => {
    const fd = openSync('/usr/lib/softhsm/libsofthsm2.so', 'r');
    const bytes = new Uint8Array(512);
    readSync(fd, bytes, 0, bytes.length, 0);
    closeSync(fd);
    expect(readLibraryHeader(bytes)).toEqual({ format: 'elf', arch: process.arch });
  });

  it('calls anything else unknown, including a truncated or lying MZ header', () => {
    expect(readLibraryHeader(new TextEncoder().encode('hello, not a library'))).toEqual({ format: 'unknown', arch: null });
    const lying = peHeader(0x014c);
    new DataView(lying.buffer).setUint32(0x3c, 0xfff0, true);
    expect(readLibraryHeader(lying)).toEqual({ format: 'unknown', arch: null });
    expect(readLibraryHeader(new Uint8Array(0))).toEqual({ format: 'unknown', arch: null });
  });
});

describe('architectureMismatch', () => {
  it('names a 32-bit DLL in a 64-bit process', () => {
    expect(architectureMismatch(readLibraryHeader(peHeader(0x014c)), 'x64')).toMatch(/^DLL 32-bit trong ứng dụng 64-bit/);
  });

  it('names a 32-bit shared object too', () => {
    expect(architectureMismatch(readLibraryHeader(elfHeader(1, 3)), 'x64')).toMatch(/^Thư viện 32-bit trong ứng dụng 64-bit/);
  });

  it('is silent when the library matches or cannot be told', () => {
    expect(architectureMismatch(readLibraryHeader(peHeader(0x8664)), 'x64')).toBeNull();
    expect(architectureMismatch({ format: 'unknown', arch: null }, 'x64')).toBeNull();
  });
});
