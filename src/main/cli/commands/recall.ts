import { requestRecall } from '../../sync/request-recall.ts';
import { parse, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu document recall --profile DIR --id N --reason TEXT`: asks the recipients of a document
// sent through the hub to give it back (sent at the next sync; each answers 15 or 16).
export async function documentRecall(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, reason: { type: 'string' } });
  return withProfile(p, (profile) => {
    const documentId = requiredInteger(p, 'id');
    const sendId = requestRecall(profile, documentId, required(p, 'reason'));
    return { json: { documentId, sendId }, text: 'Đã ghi yêu cầu thu hồi; yêu cầu được gửi ở lần đồng bộ sau.' };
  });
}
