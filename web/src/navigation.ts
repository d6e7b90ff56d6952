import type { View } from './store';

const VIEWS: [View, string][] = [
  ['chats', 'Chats'],
  ['discover', 'Discover'],
  ['sam', 'Sam'],
  ['sessions', 'Sessions'],
  ['money', 'Money'],
  ['settings', 'Settings'],
];

/** The views the main navigation offers (top bar and phone bar alike), with their labels; Admin only to admins. */
export function mainViews(isAdmin: boolean): [View, string][] {
  return isAdmin ? [...VIEWS, ['admin', 'Admin']] : VIEWS;
}
