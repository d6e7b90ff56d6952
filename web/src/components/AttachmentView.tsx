import { useEffect, useState } from 'react';
import { db } from '../services';
import type { Attachment } from '../types';
import { fileSize, previewBox } from '../attachmentSizes';
import { useAttachmentLinks } from './AttachmentLinks';

/**
 * The thumbnail of an image: online from its signed URL, kept in IndexedDB so that the thread still shows it offline.
 * Blob URLs are revoked when the image leaves the screen.
 */
function useThumbnail(attachment: Attachment): string | undefined {
  const links = useAttachmentLinks(attachment.thumbnail ? attachment.attachmentId : undefined);
  const [src, setSrc] = useState<string>();
  const thumbnailUrl = links.data?.thumbnailUrl;
  useEffect(() => {
    let objectUrl: string | undefined;
    let cancelled = false;
    void (async () => {
      let blob = (await db.previews.get(attachment.attachmentId))?.blob;
      if (!blob && thumbnailUrl) {
        const response = await fetch(thumbnailUrl).catch(() => undefined);
        if (response?.ok) {
          blob = await response.blob();
          await db.previews.put({ attachmentId: attachment.attachmentId, blob });
        }
      }
      if (blob && !cancelled) {
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      }
    })();
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.attachmentId, thumbnailUrl]);
  return src;
}

/** An image in the thread: a box of its final size from the start (the thread does not jump), opened full size on click. */
function ImagePreview({ attachment }: { attachment: Attachment }) {
  const src = useThumbnail(attachment);
  const links = useAttachmentLinks(attachment.attachmentId);
  const box = previewBox(attachment);
  const image = (
    <span className="attachment-image" style={box} data-testid="attachment-image" data-name={attachment.name}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a blob or signed URL; a static export has no image optimiser */}
      {src ? <img src={src} alt={attachment.name} width={box.width} height={box.height} /> : <span className="attachment-placeholder">{attachment.name}</span>}
    </span>
  );
  return links.data ? (
    <a href={links.data.url} target="_blank" rel="noopener noreferrer" aria-label={`Open ${attachment.name}`}>
      {image}
    </a>
  ) : (
    image
  );
}

/** A file: its name and size, downloaded through a signed link (never opened as a page). */
function FileChip({ attachment }: { attachment: Attachment }) {
  const links = useAttachmentLinks(attachment.attachmentId);
  const body = (
    <>
      <svg className="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M6 3h8l4 4v14H6zM14 3v4h4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
      </svg>
      <span className="file-name">{attachment.name}</span>
      <span className="file-size">{fileSize(attachment.sizeBytes)}</span>
    </>
  );
  return links.data ? (
    <a className="file-chip" href={links.data.url} download={attachment.name} data-testid="attachment-file" data-name={attachment.name}>
      {body}
    </a>
  ) : (
    <span className="file-chip" data-testid="attachment-file" data-name={attachment.name} title="Available when online">
      {body}
    </span>
  );
}

/** The attachments of a message (loaded on demand: the first visit downloads no attachment code). */
export default function Attachments({ items }: { items: Attachment[] | undefined }) {
  if (!items?.length) return null;
  return (
    <span className="attachments">
      {items.map((a) =>
        a.width && a.height ? <ImagePreview key={a.attachmentId} attachment={a} /> : <FileChip key={a.attachmentId} attachment={a} />,
      )}
    </span>
  );
}
