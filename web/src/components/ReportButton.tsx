import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ReportTarget } from '../endpoints';

// Opened from the button only: its own chunk, fetched on first use.
const ReportDialog = dynamic(() => import('./ReportDialog').then((m) => m.ReportDialog), { ssr: false });

/** A quiet "Report" button that opens the report dialog for one message, profile, review or session. */
export function ReportButton(props: { targetType: ReportTarget; targetId: string; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="quiet report-button" aria-label={props.label} onClick={() => setOpen(true)}>
        Report
      </button>
      {open && <ReportDialog targetType={props.targetType} targetId={props.targetId} onClose={() => setOpen(false)} />}
    </>
  );
}
