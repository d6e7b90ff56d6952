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
