import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { attachments as attachmentsApi } from '../endpoints';
import { db } from '../services';
import type { Attachment } from '../types';
import { fileSize, previewBox } from '../uploads';
import { Icon } from './Icon';

/** Signed links live a few minutes on the server; they are asked again well before that. */
const LINKS_FRESH_MS = 2 * 60_000;

/** The signed links of an attachment, while the page is online. */
export function useAttachmentLinks(attachmentId: string | null | undefined) {
  return useQuery({
    queryKey: ['attachment-links', attachmentId],
    queryFn: () => attachmentsApi.links(attachmentId as string),
    enabled: !!attachmentId,
    staleTime: LINKS_FRESH_MS,
    refetchInterval: LINKS_FRESH_MS,
    retry: false,
  });
}

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
      <Icon name="file" />
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

export function Attachments({ items }: { items: Attachment[] | undefined }) {
  if (!items?.length) return null;
  return (
    <span className="attachments">
      {items.map((a) =>
        a.width && a.height ? <ImagePreview key={a.attachmentId} attachment={a} /> : <FileChip key={a.attachmentId} attachment={a} />,
      )}
    </span>
  );
}

/** A user's profile picture inside an `.avatar` circle, or `fallback` (their initials) while there is none or offline. */
export function AvatarImage({ avatarId, fallback }: { avatarId?: string | null; fallback: React.ReactNode }) {
  const links = useAttachmentLinks(avatarId);
  const src = links.data?.thumbnailUrl ?? links.data?.url;
  // eslint-disable-next-line @next/next/no-img-element -- a signed URL; a static export has no image optimiser
  return src ? <img className="avatar-image" src={src} alt="" data-testid="avatar-image" /> : <>{fallback}</>;
}
