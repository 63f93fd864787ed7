/** The chat platforms the bot serves. The domain owns the name; src/messages re-exports it. */
export type PlatformId = 'wecom' | 'dingtalk';
