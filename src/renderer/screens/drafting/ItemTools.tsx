// Lên / Xuống / Bỏ for one item of a list, named after the item so a screen reader (and a test)
// tells "Bỏ Căn cứ 2" from "Bỏ Nơi nhận 2".
interface ItemToolsProps {
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}

export function ItemTools({ name, index, count, onMove, onRemove }: ItemToolsProps) {
  return (
    <span className="item-tools">
      <button type="button" className="button button--quiet" aria-label={`Đưa ${name} lên`} disabled={index === 0} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="button button--quiet" aria-label={`Đưa ${name} xuống`} disabled={index === count - 1} onClick={() => onMove(1)}>
        ↓
      </button>
      <button type="button" className="button button--quiet" aria-label={`Bỏ ${name}`} onClick={onRemove}>
        Bỏ
      </button>
    </span>
  );
}
