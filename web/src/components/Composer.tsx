import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { conn, maybeConn } from '../services';
import { errorText, sam as samApi } from '../endpoints';
import { ErrorAlert } from './ErrorAlert';

const TYPING_REPEAT_MS = 2500;
const TYPING_IDLE_MS = 3000;

/** Writes a message: Enter sends, Shift+Enter breaks the line; tells the others while typing. */
export function Composer({ conversationId, sam }: { conversationId: string; sam: boolean }) {
  const [text, setText] = useState('');
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
    clearTimeout(idleTimer.current);
    if (lastTypingSent.current) typing(false);
    if (sam) {
      askSam.mutate(content);
    } else {
      await conn().send(conversationId, content);
    }
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form className="composer" onSubmit={submit}>
      <ErrorAlert message={askSam.error ? errorText(askSam.error) : undefined} />
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
        Send
      </button>
    </form>
  );
}
