import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';

/**
 * Asks before something hard to undo: a native modal dialog (focus kept inside, Escape cancels) with an optional
 * reason the action records.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  reasonLabel?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  function submit(e: FormEvent) {
    e.preventDefault();
    props.onConfirm(reason.trim());
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="confirm-title" onCancel={props.onCancel} data-testid="confirm-dialog">
      <form className="form" onSubmit={submit}>
        <h2 id="confirm-title">{props.title}</h2>
        {props.children}
        {props.reasonLabel && (
          <label>
            {props.reasonLabel}
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        <div className="dialog-buttons">
          <button type="button" className="quiet" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="danger">
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
