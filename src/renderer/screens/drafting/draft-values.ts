import type { DraftInput } from '../../../shared/api/schemas/draft.ts';
import { ADMINISTRATIVE_TYPES } from '../../../shared/domain/document-types.ts';
import { readCount } from '../../forms/dates-payload.ts';
import { DRAFT_TEMPLATES } from './templates.ts';

// The draft form's state: every box as the text the clerk typed, lists as arrays of text. It is
// turned into the draft schema (`draftInput`) only when sent; the server validates it.
export interface ClauseValue {
  readonly title: string;
  readonly text: string;
  readonly points: readonly string[];
}

export type BlockValue =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'heading'; readonly text: string; readonly align: 'left' | 'center' }
  | { readonly type: 'article'; readonly title: string; readonly paragraphs: readonly string[]; readonly clauses: readonly ClauseValue[] };

export interface SignerValue {
  readonly competence: string;
  readonly authority: string;
  readonly onBehalfOf: string;
  readonly position: string;
  readonly fullName: string;
}

export interface DraftValues {
  readonly documentType: string;
  readonly unitAbbreviation: string;
  readonly subject: string;
  readonly issuerTitle: string;
  readonly legalBases: readonly string[];
  readonly recipients: readonly string[];
  readonly body: readonly BlockValue[];
  readonly signer: SignerValue;
  readonly hasCoSigner: boolean;
  readonly coSigner: { readonly position: string; readonly fullName: string };
  readonly toPlaces: readonly string[];
  readonly priority: string;
  readonly secrecy: string;
  readonly drafterCode: string;
  readonly copies: string;
}

// Types with a template of their own; every other administrative type starts from the generic
// form of Appendix III Mẫu 1.4 (the chỉ thị example) with its own type.
export const DRAFT_TYPE_OPTIONS = ADMINISTRATIVE_TYPES.map((t) => ({ value: t.key, label: t.name }));

const text = (v: string | null | undefined) => v ?? '';

function blockValue(b: DraftInput['body'][number]): BlockValue {
  if (b.type === 'paragraph') return { type: 'paragraph', text: b.text };
  if (b.type === 'heading') return { type: 'heading', text: b.text, align: b.align ?? 'left' };
  return {
    type: 'article',
    title: b.title,
    paragraphs: b.paragraphs ?? [],
    clauses: (b.clauses ?? []).map((c) => ({ title: text(c.title), text: text(c.text), points: c.points ?? [] })),
  };
}

export function templateFor(documentType: string): DraftValues {
  const t = DRAFT_TEMPLATES[documentType] ?? { ...(DRAFT_TEMPLATES['chi-thi'] as DraftInput), documentType };
  return {
    documentType,
    unitAbbreviation: text(t.unitAbbreviation),
    subject: text(t.subject),
    issuerTitle: text(t.issuerTitle),
    legalBases: t.legalBases ?? [],
    recipients: t.recipients ?? [],
    body: t.body.map(blockValue),
    signer: {
      competence: text(t.signer.competence),
      authority: text(t.signer.authority),
      onBehalfOf: text(t.signer.onBehalfOf),
      position: text(t.signer.position),
      fullName: t.signer.fullName,
    },
    hasCoSigner: Boolean(t.coSigner),
    coSigner: { position: text(t.coSigner?.position), fullName: text(t.coSigner?.fullName) },
    toPlaces: t.toPlaces ?? [],
    priority: typeof t.priority === 'string' ? t.priority : 'thuong',
    secrecy: text(t.secrecy),
    drafterCode: text(t.drafterCode),
    copies: t.copies ? String(t.copies) : '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

// The draft as the API takes it. Empty optional boxes are null; a count that is not digits is
// sent as typed, for the server to refuse with its message.
export function toDraftInput(v: DraftValues): DraftInput {
  return {
    documentType: v.documentType,
    unitAbbreviation: orNull(v.unitAbbreviation),
    subject: orNull(v.subject),
    issuerTitle: orNull(v.issuerTitle),
    legalBases: [...v.legalBases],
    recipients: [...v.recipients],
    body: v.body.map((b) =>
      b.type === 'article'
        ? { type: 'article', title: b.title, paragraphs: [...b.paragraphs], clauses: b.clauses.map((c) => ({ title: orNull(c.title), text: orNull(c.text), points: [...c.points] })) }
        : { ...b },
    ),
    signer: {
      competence: (orNull(v.signer.competence) as DraftInput['signer']['competence']) ?? null,
      authority: orNull(v.signer.authority),
      onBehalfOf: orNull(v.signer.onBehalfOf),
      position: orNull(v.signer.position),
      fullName: v.signer.fullName,
    },
    coSigner: v.hasCoSigner ? { ...v.coSigner } : null,
    toPlaces: [...v.toPlaces],
    priority: v.priority as DraftInput['priority'],
    secrecy: (orNull(v.secrecy) as DraftInput['secrecy']) ?? null,
    drafterCode: orNull(v.drafterCode),
    copies: readCount(v.copies) as number | null,
  };
}

// The server names a field of the draft by its path ("signer.fullName", "body.2.clauses.0.text");
// inside an operation's input the draft is under "draft.". The form looks messages up by path.
export type DraftErrors = Readonly<Record<string, string>>;

export function draftErrors(issues: ReadonlyArray<{ readonly path: string; readonly message: string }>): DraftErrors {
  const errors: Record<string, string> = {};
  for (const i of issues) {
    if (!i.path.startsWith('draft')) continue;
    const path = i.path === 'draft' ? '' : i.path.slice('draft.'.length);
    errors[path] ??= i.message;
  }
  return errors;
}
