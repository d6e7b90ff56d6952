import type { Attachment } from './types';

/** "2.4 MB", "830 KB", "12 bytes". */
export function fileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

/** The box an image takes in the thread before it loads: its own proportions, at most `max` pixels on either side. */
export function previewBox(attachment: Attachment, max = 280): { width: number; height: number } {
  const width = attachment.width ?? max;
  const height = attachment.height ?? max;
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
