// Reads which CPU a shared library is built for from its header, so that a 32-bit vendor DLL
// in our 64-bit process is reported as such instead of as Windows' bare "error 193". Only the
// first few hundred bytes are needed.

export type CpuArch = 'ia32' | 'x64' | 'arm' | 'arm64';

export interface LibraryHeader {
  readonly format: 'pe' | 'elf' | 'unknown';
  // null when the format is known but the machine is not one of ours.
  readonly arch: CpuArch | null;
}

const PE_MACHINES: Readonly<Record<number, CpuArch>> = { 0x014c: 'ia32', 0x8664: 'x64', 0x01c4: 'arm', 0xaa64: 'arm64' };
const ELF_MACHINES: Readonly<Record<number, CpuArch>> = { 3: 'ia32', 62: 'x64', 40: 'arm', 183: 'arm64' };

export function readLibraryHeader(bytes: Uint8Array): LibraryHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 0x40 && bytes[0] === 0x4d && bytes[1] === 0x5a) {
    const peOffset = view.getUint32(0x3c, true);
    if (peOffset + 6 > bytes.length) return { format: 'unknown', arch: null };
    const signature = view.getUint32(peOffset, true);
    if (signature !== 0x00004550) return { format: 'unknown', arch: null };
    return { format: 'pe', arch: PE_MACHINES[view.getUint16(peOffset + 4, true)] ?? null };
  }
  if (bytes.length >= 20 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) {
    const littleEndian = bytes[5] !== 2;
    return { format: 'elf', arch: ELF_MACHINES[view.getUint16(18, littleEndian)] ?? null };
  }
  return { format: 'unknown', arch: null };
}

const BITS: Readonly<Record<CpuArch, string>> = { ia32: '32-bit', x64: '64-bit', arm: 'ARM 32-bit', arm64: 'ARM 64-bit' };

// Vietnamese reason when the library cannot load into a process of `processArch` (Node's
// process.arch), or null when it can (or when we cannot tell: the loader will say).
export function architectureMismatch(header: LibraryHeader, processArch: string): string | null {
  if (header.arch === null || header.arch === processArch) return null;
  const ours = BITS[processArch as CpuArch];
  if (!ours) return null;
  const kind = header.format === 'pe' ? 'DLL' : 'Thư viện';
  return `${kind} ${BITS[header.arch]} trong ứng dụng ${ours}: hãy dùng bản ${ours} của thư viện PKCS#11 do nhà cung cấp thiết bị phát hành.`;
}
