import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText, type ReportReason, type ReportTarget } from '../endpoints';
import { safety } from '../viewEndpoints';
import { queryClient } from '../queries';
import { ErrorAlert } from './ErrorAlert';

const REASONS: [ReportReason, string][] = [
  ['harassment', 'Harassment or bullying'],
  ['spam', 'Spam'],
  ['scam', 'Scam or fraud'],
  ['hate', 'Hate speech'],
  ['sexual', 'Sexual content'],
  ['violence', 'Violence or threats'],
  ['impersonation', 'Impersonation'],
  ['other', 'Something else'],
];

const WHAT: Record<ReportTarget, string> = {
  message: 'this message',
  profile: 'this profile',
  review: 'this review',
  session: 'this session',
};

/**
 * Reports a message, a profile, a review or a session to the admins, with a reason: what is reported is kept as it is
 * now, and the reporter is told the outcome once an admin looked at it. Nobody but the admins learns who reported.
 */
export function ReportDialog(props: { targetType: ReportTarget; targetId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<ReportReason>('harassment');
  const [details, setDetails] = useState('');
  const send = useMutation({
    mutationFn: () => safety.report(props.targetType, props.targetId, reason, details.trim() || undefined),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['my-reports'] }),
  });
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate();
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="report-title" onCancel={props.onClose} data-testid="report-dialog">
      {send.isSuccess ? (
        <div className="form">
          <h2 id="report-title">Thanks for telling us</h2>
          <p>An admin will look at {WHAT[props.targetType]}. You will see here what came of it.</p>
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={props.onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <h2 id="report-title">Report {WHAT[props.targetType]}</h2>
          <label>
            Reason
            <select value={reason} onChange={(e) => setReason(e.target.value as ReportReason)}>
              {REASONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            What happened (optional)
            <textarea value={details} maxLength={2000} rows={3} onChange={(e) => setDetails(e.target.value)} />
          </label>
          <p className="muted">Only the admins see that you reported it.</p>
          {send.error && <ErrorAlert message={errorText(send.error)} />}
          <div className="dialog-buttons">
            <button type="button" className="quiet" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={send.isPending}>
              Send report
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
