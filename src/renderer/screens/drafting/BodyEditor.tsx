import { ItemTools } from './ItemTools.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { TextListEditor } from './TextListEditor.tsx';
import type { BlockValue, ClauseValue, DraftErrors } from './draft-values.ts';

interface BodyEditorProps {
  readonly body: readonly BlockValue[];
  readonly onChange: (body: BlockValue[]) => void;
  readonly errors: DraftErrors;
  // Quyết định, nghị quyết…: the body is made of Điều (articles) with khoản and điểm.
  readonly articles: boolean;
}

const BLOCK_NAMES = { paragraph: 'Đoạn', heading: 'Đề mục', article: 'Điều' } as const;

// "Điều 2" for the second article, "Đoạn 3" for the third paragraph: numbered within its kind,
// as the rendered document numbers its articles.
function blockName(body: readonly BlockValue[], index: number): string {
  const b = body[index] as BlockValue;
  const n = body.slice(0, index + 1).filter((x) => x.type === b.type).length;
  return `${BLOCK_NAMES[b.type]} ${n}`;
}

function Error({ message }: { readonly message: string | undefined }) {
  return message ? <span className="field__error">{message}</span> : null;
}

function ClauseEditor({ clause, name, path, errors, onChange }: { readonly clause: ClauseValue; readonly name: string; readonly path: string; readonly errors: DraftErrors; readonly onChange: (c: ClauseValue) => void }) {
  return (
    <div className="body-editor__clause">
      <label>
        {name}: tiêu đề (nếu có)
        <input value={clause.title} autoComplete="off" onChange={(e) => onChange({ ...clause, title: e.target.value })} />
      </label>
      <Error message={errors[`${path}.title`]} />
      <label>
        {name}: nội dung
        <textarea value={clause.text} rows={2} aria-invalid={Boolean(errors[`${path}.text`])} onChange={(e) => onChange({ ...clause, text: e.target.value })} />
      </label>
      <Error message={errors[`${path}.text`]} />
      <TextListEditor label={`Điểm của ${name.toLocaleLowerCase('vi')}`} path={`${path}.points`} items={clause.points} errors={errors} onChange={(points) => onChange({ ...clause, points })} multiline />
    </div>
  );
}

function ArticleEditor({ block, name, path, errors, onChange }: { readonly block: Extract<BlockValue, { type: 'article' }>; readonly name: string; readonly path: string; readonly errors: DraftErrors; readonly onChange: (b: BlockValue) => void }) {
  return (
    <>
      <label>
        {name}: tiêu đề
        <input value={block.title} autoComplete="off" aria-invalid={Boolean(errors[`${path}.title`])} onChange={(e) => onChange({ ...block, title: e.target.value })} />
      </label>
      <Error message={errors[`${path}.title`]} />
      <TextListEditor label={`Đoạn của ${name.toLocaleLowerCase('vi')}`} path={`${path}.paragraphs`} items={block.paragraphs} errors={errors} onChange={(paragraphs) => onChange({ ...block, paragraphs })} multiline />
      <fieldset className="list-editor">
        <legend>Khoản của {name.toLocaleLowerCase('vi')}</legend>
        <ol>
          {block.clauses.map((c, i) => {
            const clauseName = `Khoản ${i + 1} ${name.toLocaleLowerCase('vi')}`;
            return (
              <li key={i}>
                <ClauseEditor clause={c} name={clauseName} path={`${path}.clauses.${i}`} errors={errors} onChange={(next) => onChange({ ...block, clauses: replaceAt(block.clauses, i, next) })} />
                <ItemTools
                  name={clauseName}
                  index={i}
                  count={block.clauses.length}
                  onMove={(by) => onChange({ ...block, clauses: moveAt(block.clauses, i, by) })}
                  onRemove={() => onChange({ ...block, clauses: removeAt(block.clauses, i) })}
                />
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button--quiet" onClick={() => onChange({ ...block, clauses: [...block.clauses, { title: '', text: '', points: [] }] })}>
          Thêm khoản
        </button>
      </fieldset>
    </>
  );
}

// Nội dung: paragraphs and headings, and for decisions the articles with their clauses and
// points. Each item can be edited, moved up or down and removed; no drag and drop, so the
// keyboard does everything.
export function BodyEditor({ body, onChange, errors, articles }: BodyEditorProps) {
  const add = (b: BlockValue) => onChange([...body, b]);
  return (
    <fieldset className="body-editor">
      <legend>Nội dung</legend>
      <Error message={errors.body} />
      <ol>
        {body.map((b, i) => {
          const name = blockName(body, i);
          const path = `body.${i}`;
          const set = (next: BlockValue) => onChange(replaceAt(body, i, next));
          return (
            <li key={i} className="body-editor__block">
              <div className="body-editor__head">
                <strong>{name}</strong>
                <ItemTools name={name} index={i} count={body.length} onMove={(by) => onChange(moveAt(body, i, by))} onRemove={() => onChange(removeAt(body, i))} />
              </div>
              {b.type === 'article' ? (
                <ArticleEditor block={b} name={name} path={path} errors={errors} onChange={set} />
              ) : (
                <>
                  <label className="visually-hidden" htmlFor={`draft-${path}`}>
                    {name}
                  </label>
                  <textarea id={`draft-${path}`} value={b.text} rows={b.type === 'heading' ? 1 : 3} aria-invalid={Boolean(errors[`${path}.text`])} onChange={(e) => set({ ...b, text: e.target.value })} />
                  <Error message={errors[`${path}.text`]} />
                  {b.type === 'heading' ? (
                    <label className="checkbox">
                      <input type="checkbox" checked={b.align === 'center'} onChange={(e) => set({ ...b, align: e.target.checked ? 'center' : 'left' })} />
                      Căn giữa
                    </label>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
      <div className="body-editor__add">
        <button type="button" className="button button--quiet" onClick={() => add({ type: 'paragraph', text: '' })}>
          Thêm đoạn
        </button>
        <button type="button" className="button button--quiet" onClick={() => add({ type: 'heading', text: '', align: 'left' })}>
          Thêm đề mục
        </button>
        {articles ? (
          <button type="button" className="button button--quiet" onClick={() => add({ type: 'article', title: '', paragraphs: [], clauses: [] })}>
            Thêm điều
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
