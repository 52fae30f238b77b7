import { linkReply, listReplies, unlinkReply } from '../registry/replies.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// Replies: an outgoing document answering incoming ones (docs/processing.md, Replies).
export function createRepliesHandlers({ ready }: Pick<HandlerDeps, 'ready'>): HandlersOf<'replies'> {
  return {
    'replies.list': (input) => listReplies(ready(), input),
    'replies.link': (input) => linkReply(ready(), input),
    'replies.unlink': (input) => unlinkReply(ready(), input.linkId),
  };
}
