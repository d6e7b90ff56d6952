import { useQuery } from '@tanstack/react-query';
import { attachments as attachmentsApi } from '../endpoints';

/** Signed links live a few minutes on the server; they are asked again well before that. */
const LINKS_FRESH_MS = 2 * 60_000;

/** The signed links of an attachment, while the page is online. */
export function useAttachmentLinks(attachmentId: string | null | undefined) {
  return useQuery({
    queryKey: ['attachment-links', attachmentId],
    queryFn: () => attachmentsApi.links(attachmentId as string),
    enabled: !!attachmentId,
    staleTime: LINKS_FRESH_MS,
    retry: false,
  });
}

/** A user's profile picture inside an `.avatar` circle, or `fallback` (their initials) while there is none or offline. */
export function AvatarImage({ avatarId, fallback }: { avatarId?: string | null; fallback: React.ReactNode }) {
  const links = useAttachmentLinks(avatarId);
  const src = links.data?.thumbnailUrl ?? links.data?.url;
  // eslint-disable-next-line @next/next/no-img-element -- a signed URL; a static export has no image optimiser
  return src ? <img className="avatar-image" src={src} alt="" data-testid="avatar-image" /> : <>{fallback}</>;
}
