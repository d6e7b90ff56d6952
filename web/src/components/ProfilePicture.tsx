import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { attachments, errorText } from '../endpoints';
import { moneyKeys } from '../moneyQueries';
import { queryClient } from '../queries';
import { api } from '../services';
import { useUi } from '../store';
import type { User } from '../types';
import { uploadFile } from '../uploads';
import { AvatarImage } from './AttachmentLinks';
import { ErrorAlert } from './ErrorAlert';
import { initials } from './names';

/** Settings: the profile picture, uploaded through the same path as attachments and shown on profile, Discover and chats. */
export function ProfilePicture({ account }: { account: User }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number>();
  const change = useMutation({
    mutationFn: async (file: File | null) => {
      let avatarId: string | null = null;
      if (file) avatarId = (await uploadFile(file, { purpose: 'avatar' }, setProgress)).attachmentId;
      await attachments.setAvatar(avatarId);
      return avatarId;
    },
    onSettled: () => setProgress(undefined),
    onSuccess: async (avatarId) => {
      const user = { ...useUi.getState().user!, avatarId };
      queryClient.setQueryData(moneyKeys.me, { ...account, avatarId });
      void queryClient.invalidateQueries({ queryKey: ['user', account.id] });
      await api.updateUser(user);
      useUi.getState().setUser(user);
    },
  });
  return (
    <section className="card form" aria-labelledby="picture-title" data-testid="profile-picture">
      <h2 id="picture-title">Profile picture</h2>
      <div className="profile-picture">
        <span className="avatar large" aria-hidden="true">
          <AvatarImage avatarId={account.avatarId} fallback={initials(account.displayName)} />
        </span>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/gif"
          hidden
          data-testid="avatar-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) change.mutate(file);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => input.current?.click()} disabled={change.isPending}>
          {account.avatarId ? 'Change picture' : 'Upload a picture'}
        </button>
        {account.avatarId && (
          <button type="button" className="quiet" onClick={() => change.mutate(null)} disabled={change.isPending}>
            Remove
          </button>
        )}
        {progress !== undefined && <progress max={1} value={progress} aria-label="Uploading the picture" />}
      </div>
      <p className="muted">A JPEG, PNG or GIF image. Everyone signed in sees it next to your name.</p>
      <ErrorAlert message={change.error ? errorText(change.error) : undefined} />
    </section>
  );
}
