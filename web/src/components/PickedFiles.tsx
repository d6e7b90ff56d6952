import { fileSize } from '../attachmentSizes';
import type { Attachment } from '../types';

/** A file picked for the next message: uploading (with progress), ready, or refused with the server's words. */
export interface Picked {
  key: string;
  name: string;
  size: number;
  progress: number;
  attachment?: Attachment;
  error?: string;
}

/** The chips of the files picked for the next message, each with its progress, or why the server refused it. */
export default function PickedFiles({ picked, onRemove }: { picked: Picked[]; onRemove: (key: string) => void }) {
  return (
    <ul className="picked" aria-label="Attachments of the next message">
      {picked.map((p) => (
        <li key={p.key} className={p.error ? 'picked-file refused' : 'picked-file'} data-testid="picked-file" data-ready={!!p.attachment}>
          <span className="file-name">{p.name}</span>
          <span className="file-size">{fileSize(p.size)}</span>
          {p.error ? <span role="alert">{p.error}</span> : !p.attachment && <progress max={1} value={p.progress} aria-label={`Uploading ${p.name}`} />}
          <button type="button" className="quiet" aria-label={`Remove ${p.name}`} onClick={() => onRemove(p.key)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
