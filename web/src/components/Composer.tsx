import { useMutation } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { conn, maybeConn } from '../services';
import { conversations, errorText, sam as samApi } from '../endpoints';
import { useUi } from '../store';
import { mentionParts, mentionQuery, quoteText, readableText, type PickedMention } from '../mentions';
import type { Attachment, Message, Participant } from '../types';
import { ErrorAlert } from './ErrorAlert';
import type { Picked } from './PickedFiles';
import type { MentionPick, MentionQuery } from './MentionPicker';
import { Icon } from './Icon';

/** The files picked for the next message: fetched with the first one (most visits never attach a file). */
const PickedFiles = dynamic(() => import('./PickedFiles'), { ssr: false });
/** The member list of an "@": fetched when someone first types one in a group. */
const MentionPicker = dynamic(() => import('./MentionPicker'), { ssr: false });

const TYPING_REPEAT_MS = 2500;
const TYPING_IDLE_MS = 3000;

/**
 * Writes a message: Enter sends, Shift+Enter breaks the line; tells the others while typing. A reply quotes the
 * message it answers; editing replaces the text of one's own message (Escape cancels either). In a group, `@` offers
 * the other members (arrows move, Enter or Tab picks, Escape closes); a picked `@Name` is sent as a mention.
 */
export function Composer(props: {
  conversationId: string;
  sam: boolean;
  messages: Message[];
  nameOf: (userId: string) => string;
  /** The members a group's messages may mention (absent: no mention list). */
  mentionable?: { participants: Participant[]; me: string };
}) {
  const { conversationId, sam, mentionable } = props;
  const [text, setText] = useState('');
  const [mentioned, setMentioned] = useState<PickedMention[]>([]);
  const [mentioning, setMentioning] = useState<MentionQuery>();
  const [activeOption, setActiveOption] = useState<string>();
  const mentionKeys = useRef<(e: KeyboardEvent<HTMLTextAreaElement>) => boolean>(undefined);
  const stored = useUi((s) => s.draft);
  const setDraft = useUi((s) => s.setDraft);
  const draft = stored?.conversationId === conversationId ? stored : undefined;
  const target = draft ? props.messages.find((m) => m.seq === draft.seq) : undefined;
  const edit = useMutation({
    mutationFn: (change: { seq: number; content: string }) => conversations.edit(conversationId, change.seq, change.content),
    onError: (_error, change) => setText(change.content),
  });

  // Editing starts from the message's text (set while rendering, when the draft changes)…
  const [startedDraft, setStartedDraft] = useState(draft);
  if (draft !== startedDraft) {
    setStartedDraft(draft);
    if (draft?.mode === 'edit' && draft.text !== undefined) {
      // The box shows mentions by name; they are written back as mentions when saved.
      const name = (id: string) => mentionable?.participants.find((p) => p.userId === id)?.displayName ?? 'Someone';
      setText(readableText(draft.text, name));
      setMentioned(mentionParts(draft.text).flatMap((p) => ('userId' in p ? [{ userId: p.userId, name: name(p.userId) }] : [])));
    }
  }
  // …and the box takes the focus for a reply or an edit.
  useEffect(() => {
    if (draft) input.current?.focus();
  }, [draft]);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Sam's asks go straight to the API (Sam answers only online); messages go through the offline queue.
  const askSam = useMutation({
    mutationFn: (content: string) => samApi.ask(content, conversationId),
    onError: (_error, content) => setText(content),
  });
  const lastTypingSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLTextAreaElement>(null);

  function typing(isTyping: boolean) {
    if (sam) return;
    if (isTyping && Date.now() - lastTypingSent.current < TYPING_REPEAT_MS) return;
    if (maybeConn()?.sendFrame({ type: 'typing', conversationId, isTyping })) {
      lastTypingSent.current = isTyping ? Date.now() : 0;
    }
  }

  useEffect(() => () => clearTimeout(idleTimer.current), []);

  function onChange(value: string, caret: number) {
    setText(value);
    const query = mentionable ? mentionQuery(value, caret) : undefined;
    setMentioning(query && { ...query, caret });
    clearTimeout(idleTimer.current);
    if (value.trim()) {
      typing(true);
      idleTimer.current = setTimeout(() => typing(false), TYPING_IDLE_MS);
    } else if (lastTypingSent.current) {
      typing(false);
    }
  }

  function update(key: string, change: Partial<Picked>) {
    setPicked((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }

  /** Uploads each file at once (the server refuses a file too large or of a refused type, in words shown on its chip). */
  function attach(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const key = crypto.randomUUID();
      setPicked((all) => [...all, { key, name: file.name, size: file.size, progress: 0 }]);
      // The upload code is fetched with the first file picked: most visits never attach one.
      import('../uploads')
        .then(({ uploadFile }) => uploadFile(file, { purpose: 'message', conversationId }, (progress) => update(key, { progress })))
        .then(
        (attachment) => update(key, { attachment, progress: 1 }),
        (error: unknown) => update(key, { error: errorText(error) }),
      );
    }
  }

  function onDrop(e: DragEvent<HTMLFormElement>) {
    e.preventDefault();
    setDragging(false);
    if (!sam && e.dataTransfer.files.length) attach(e.dataTransfer.files);
  }

  const ready = picked.filter((p) => p.attachment).map((p) => p.attachment as Attachment);
  const uploading = picked.some((p) => !p.attachment && !p.error);
  const canSend = !uploading && (text.trim() !== '' || (draft?.mode !== 'edit' && ready.length > 0));

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!canSend) return;
    const written = text.trim();
    // Only a message with a member picked from the list needs the code that writes mentions (loaded with the list).
    const { content, mentionedUserIds } = mentioned.length
      ? (await import('../mentionPicking')).encodeMentions(written, mentioned)
      : { content: written, mentionedUserIds: [] };
    setText('');
    setMentioned([]);
    setMentioning(undefined);
    if (draft?.mode !== 'edit') setPicked([]);
    askSam.reset();
    edit.reset();
    clearTimeout(idleTimer.current);
    if (lastTypingSent.current) typing(false);
    setDraft(undefined);
    if (sam) {
      askSam.mutate(content);
    } else if (draft?.mode === 'edit') {
      edit.mutate({ seq: draft.seq, content });
    } else {
      await conn().send(conversationId, content, {
        replyToSeq: draft?.mode === 'reply' ? draft.seq : undefined,
        attachments: ready,
        mentionedUserIds,
      });
    }
    input.current?.focus();
  }

  /** Puts `@Name ` where the `@query` was and remembers whom it names. */
  function pick({ mention, text: next, caret }: MentionPick) {
    setText(next);
    setMentioned((all) => [...all.filter((m) => m.userId !== mention.userId), mention]);
    setMentioning(undefined);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(caret, caret);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentionKeys.current?.(e)) return;
    if (e.key === 'Escape' && draft) {
      e.preventDefault();
      if (draft.mode === 'edit') setText('');
      setDraft(undefined);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form
      className={dragging ? 'composer dragging' : 'composer'}
      onSubmit={submit}
      onDragOver={(e) => {
        if (sam || draft?.mode === 'edit') return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <ErrorAlert message={askSam.error ? errorText(askSam.error) : edit.error ? errorText(edit.error) : undefined} />
      {draft && (
        <div className="composer-draft" data-testid="composer-draft">
          <span>
            {draft.mode === 'edit' ? 'Editing your message' : `Replying to ${target ? props.nameOf(target.senderId) : 'a message'}`}
            {target && draft.mode === 'reply' && <span className="muted">: {readableText(quoteText(target), props.nameOf).slice(0, 80)}</span>}
          </span>
          <button
            type="button"
            className="quiet"
            aria-label="Cancel"
            onClick={() => {
              if (draft.mode === 'edit') setText('');
              setDraft(undefined);
            }}
          >
            ✕
          </button>
        </div>
      )}
      {mentionable && mentioning && (
        <MentionPicker
          key={mentioning.query}
          id={`mentions-${conversationId}`}
          text={text}
          at={mentioning}
          participants={mentionable.participants}
          me={mentionable.me}
          keysRef={mentionKeys}
          onActive={setActiveOption}
          onPick={pick}
          onClose={() => setMentioning(undefined)}
        />
      )}
      {picked.length > 0 && <PickedFiles picked={picked} onRemove={(key) => setPicked((all) => all.filter((o) => o.key !== key))} />}
      {!sam && draft?.mode !== 'edit' && (
        <>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            data-testid="attach-input"
            onChange={(e) => {
              if (e.target.files) attach(e.target.files);
              e.target.value = '';
            }}
          />
          <button type="button" className="quiet attach" aria-label="Attach files" title="Attach files" onClick={() => fileInput.current?.click()}>
            <Icon name="attach" />
          </button>
        </>
      )}
      <label className="visually-hidden" htmlFor={`composer-${conversationId}`}>
        {sam ? 'Ask Sam' : 'Message'}
      </label>
      <textarea
        id={`composer-${conversationId}`}
        ref={input}
        rows={1}
        maxLength={4000}
        placeholder={sam ? 'Ask Sam to find someone…' : 'Write a message'}
        value={text}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
        aria-autocomplete={mentionable ? 'list' : undefined}
        aria-controls={activeOption ? `mentions-${conversationId}` : undefined}
        aria-activedescendant={activeOption}
        onKeyDown={onKeyDown}
        onBlur={() => lastTypingSent.current && typing(false)}
        data-testid="composer"
      />
      <button type="submit" className="primary" disabled={!canSend}>
        {draft?.mode === 'edit' ? 'Save' : 'Send'}
      </button>
    </form>
  );
}

