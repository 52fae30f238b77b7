// The small tree the reader keeps of a package: every element of the edXML namespace except the
// content of attachments, which goes to disk. Text is already decoded; an element with children
// keeps no text (the whitespace between them).
export interface XNode {
  readonly name: string;
  readonly children: XNode[];
  text: string;
}

export function child(node: XNode | undefined, ...names: string[]): XNode | undefined {
  return node?.children.find((c) => names.includes(c.name));
}

export function childrenNamed(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

// The trimmed text of the first child of that name, '' when there is none.
export function textOf(node: XNode | undefined, ...names: string[]): string {
  return child(node, ...names)?.text.trim() ?? '';
}

// Follows a path of names from a node, each step taking the first match.
export function at(node: XNode | undefined, ...path: string[]): XNode | undefined {
  let n = node;
  for (const name of path) n = child(n, name);
  return n;
}
