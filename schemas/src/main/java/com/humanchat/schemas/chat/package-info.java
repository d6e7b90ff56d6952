/**
 * The chat topic families: commands on {@code chat.commands}, the conversation topology's decisions on
 * {@code chat.events}, and absolute unread counts on {@code chat.unread}.
 */
package com.humanchat.schemas.chat;
