import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graceText } from '../accountViews';
import { errorText } from '../endpoints';
import { account } from '../viewEndpoints';
import { ErrorAlert } from './ErrorAlert';

const DELETION = ['account-deletion'];

/** Saves a JSON document as a file the browser downloads. */
function download(name: string, document: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/** Settings › Your data: download everything, or delete the account after a grace period (cancellable). */
export function YourData() {
  const queryClient = useQueryClient();
  const deletion = useQuery({ queryKey: DELETION, queryFn: account.deletion });
  const exported = useMutation({
    mutationFn: account.exportData,
    onSuccess: (data) => download('humanchat-export.json', data),
  });
  const change = useMutation({
    mutationFn: (call: () => Promise<unknown>) => call(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DELETION }),
  });
  const grace = graceText(deletion.data?.graceHours ?? 168);
  const failure = deletion.error ?? exported.error ?? change.error;
  return (
    <section className="card" aria-labelledby="your-data-title" data-testid="your-data">
      <h2 id="your-data-title">Your data</h2>
      <p className="muted">Everything HumanChat holds about you — profile, conversations and the messages you sent, sessions, requests, payments and reviews — as one JSON file.</p>
      <button onClick={() => exported.mutate()} disabled={exported.isPending}>
        {exported.isPending ? 'Preparing…' : 'Download my data'}
      </button>
      {exported.isSuccess && (
        <p className="success" role="status">
          Downloaded humanchat-export.json.
        </p>
      )}
      <h3>Delete my account</h3>
      {deletion.data?.scheduled ? (
        <div data-testid="deletion-scheduled">
          <p className="error">
            Your account will be deleted on {new Date(deletion.data.deletionDueAt!).toLocaleString()}. Until then you can change your mind.
          </p>
          <button className="primary" onClick={() => change.mutate(account.cancelDeletion)} disabled={change.isPending}>
            Keep my account
          </button>
        </div>
      ) : (
        <>
          <p className="muted">
            Your account is deleted {grace} after you ask; you can cancel until then, and every other device is signed out now. Then your email, name,
            profile and sign-in are erased. Messages you sent stay in the other person&apos;s conversation, shown as from &quot;Deleted user&quot;; payment
            records are kept, without your name, as the law requires.
          </p>
          <button
            className="danger"
            onClick={() => {
              if (window.confirm(`Delete your account in ${grace}? You can cancel until then.`)) change.mutate(account.scheduleDeletion);
            }}
            disabled={change.isPending}
          >
            Delete my account
          </button>
        </>
      )}
      <ErrorAlert message={failure ? errorText(failure) : undefined} />
    </section>
  );
}
