import type { EditScope } from '@coffre/docs';

/** For a repeating event: does a change or deletion apply to this occurrence, this and the following ones, or all? */
export function ScopeDialog({ action, onChoose, onCancel }: { action: 'change' | 'delete'; onChoose(scope: EditScope): void; onCancel(): void }) {
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog scope-dialog" role="dialog" aria-modal="true" aria-labelledby="scope-title">
        <h2 id="scope-title">{action === 'delete' ? 'Delete a repeating event' : 'Change a repeating event'}</h2>
        <div className="scope-choices">
          <button type="button" onClick={() => onChoose('this')}>This event</button>
          <button type="button" onClick={() => onChoose('following')}>This and following events</button>
          <button type="button" onClick={() => onChoose('all')}>All events</button>
        </div>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
