import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { conn, maybeConn } from '../services';
import { conversations, errorText, sam as samApi } from '../endpoints';
import { useUi } from '../store';
import type { Message } from '../types';
import { ErrorAlert } from './ErrorAlert';

const TYPING_REPEAT_MS = 2500;
const TYPING_IDLE_MS = 3000;

/**
 * Writes a message: Enter sends, Shift+Enter breaks the line; tells the others while typing. A reply quotes the
 * message it answers; editing replaces the text of one's own message (Escape cancels either).
 */
export function Composer(props: { conversationId: string; sam: boolean; messages: Message[]; nameOf: (userId: string) => string }) {
  const { conversationId, sam } = props;
  const [text, setText] = useState('');
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
    if (draft?.mode === 'edit' && draft.text !== undefined) setText(draft.text);
  }
  // …and the box takes the focus for a reply or an edit.
  useEffect(() => {
    if (draft) input.current?.focus();
  }, [draft]);
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

  function onChange(value: string) {
    setText(value);
    clearTimeout(idleTimer.current);
    if (value.trim()) {
      typing(true);
      idleTimer.current = setTimeout(() => typing(false), TYPING_IDLE_MS);
    } else if (lastTypingSent.current) {
      typing(false);
    }
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const content = text.trim();
    if (!content) return;
    setText('');
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
      await conn().send(conversationId, content, draft?.mode === 'reply' ? draft.seq : undefined);
    }
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
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
    <form className="composer" onSubmit={submit}>
      <ErrorAlert message={askSam.error ? errorText(askSam.error) : edit.error ? errorText(edit.error) : undefined} />
      {draft && (
        <div className="composer-draft" data-testid="composer-draft">
          <span>
            {draft.mode === 'edit' ? 'Editing your message' : `Replying to ${target ? props.nameOf(target.senderId) : 'a message'}`}
            {target && draft.mode === 'reply' && <span className="muted">: {target.content.slice(0, 80)}</span>}
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
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => lastTypingSent.current && typing(false)}
        data-testid="composer"
      />
      <button type="submit" className="primary" disabled={!text.trim()}>
        {draft?.mode === 'edit' ? 'Save' : 'Send'}
      </button>
    </form>
  );
}
