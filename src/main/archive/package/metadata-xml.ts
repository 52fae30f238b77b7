import { SaxesParser } from 'saxes';
import { escapeXml } from '../../edxml/wire-format.ts';
import type { XmlElement } from './metadata.ts';

// The package's metadata files: UTF-8 XML without namespace or DTD, two spaces per level, read
// back by a small tree reader that refuses what such a file never holds (a DTD, mixed content,
// more than a few levels or a few thousand elements), since a package to verify may come from
// anywhere.

export function serializeXml(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const walk = (e: XmlElement, depth: number) => {
    const pad = '  '.repeat(depth);
    if ('text' in e) {
      lines.push(`${pad}<${e.name}>${escapeXml(e.text)}</${e.name}>`);
      return;
    }
    lines.push(`${pad}<${e.name}>`);
    for (const c of e.children) walk(c, depth + 1);
    lines.push(`${pad}</${e.name}>`);
  };
  walk(root, 0);
  return `${lines.join('\n')}\n`;
}

export interface ParsedElement {
  readonly name: string;
  readonly children: ParsedElement[];
  text: string;
}

const MAX_DEPTH = 8;
const MAX_ELEMENTS = 5000;

export class MetadataXmlError extends Error {}

export function parseXml(source: string): ParsedElement {
  const parser = new SaxesParser({ position: false });
  const stack: ParsedElement[] = [];
  let root: ParsedElement | null = null;
  let elements = 0;
  parser.on('doctype', () => {
    throw new MetadataXmlError('a DTD');
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) throw new MetadataXmlError(`nesting deeper than ${MAX_DEPTH}`);
    if (++elements > MAX_ELEMENTS) throw new MetadataXmlError(`more than ${MAX_ELEMENTS} elements`);
    const node: ParsedElement = { name: tag.name, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) {
      if (parent.text.trim() !== '') throw new MetadataXmlError(`mixed content in ${parent.name}`);
      parent.children.push(node);
    } else if (root) {
      throw new MetadataXmlError('two root elements');
    } else {
      root = node;
    }
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.children.length > 0 && t.trim() !== '') throw new MetadataXmlError(`mixed content in ${top.name}`);
    top.text += t;
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node && node.children.length > 0) node.text = '';
  });
  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof MetadataXmlError) throw e;
    throw new MetadataXmlError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  if (!root) throw new MetadataXmlError('no root element');
  return root;
}

// The text of the child named `name` (a path "A/B" goes down), or null when there is none.
export function childText(e: ParsedElement, path: string): string | null {
  let at: ParsedElement | undefined = e;
  for (const part of path.split('/')) at = at?.children.find((c) => c.name === part);
  return at ? at.text : null;
}
