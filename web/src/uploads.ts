import { ApiError } from './api';
import { attachments, type UploadTarget } from './endpoints';
import type { Attachment } from './types';

/**
 * Uploads one file: registers it (the server checks size, type and membership), sends the bytes to the signed URL
 * with progress, then completes it (an image gets its size and thumbnail). XMLHttpRequest, because fetch reports no
 * upload progress.
 */
export async function uploadFile(file: File, target: UploadTarget, onProgress: (fraction: number) => void): Promise<Attachment> {
  const created = await attachments.create(file, target);
  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(created.upload.method, created.upload.url);
    for (const [name, value] of Object.entries(created.upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status, problemOf(xhr.responseText) ?? { detail: `The upload failed (${xhr.status}).` }));
    xhr.onerror = () => reject(new ApiError(0, { title: 'offline', detail: 'The upload did not reach the server.' }));
    xhr.send(file);
  });
  onProgress(1);
  return attachments.complete(created.attachmentId);
}

function problemOf(text: string): { detail?: string } | undefined {
  try {
    return JSON.parse(text) as { detail?: string };
  } catch {
    return undefined;
  }
}

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
