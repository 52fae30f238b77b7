import { fileKeyCipher } from '../../hub/secret-cipher.ts';
import { createHubClientFor } from '../../hub/hub-connection.ts';
import { PACKAGE_BUILDERS } from '../../sync/package-builders.ts';
import { runSync, type SyncSummary } from '../../sync/run-sync.ts';
import type { SyncProgress } from '../../sync/sync-progress.ts';
import { parse } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

function progressLine(p: Readonly<SyncProgress>): string {
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  return `gửi ${p.outgoing.done}/${p.outgoing.total} (${mb(p.outgoing.bytes)} MB), nhận ${p.incoming.done}/${p.incoming.total} (${mb(p.incoming.bytes)} MB)`;
}

function summaryText(s: SyncSummary): string {
  const lines = [
    s.messageVi,
    `Đã gửi ${s.sent} văn bản, ${s.statusesSent} trạng thái; đã nhận ${s.received} văn bản, ${s.statusesReceived} trạng thái.`,
    ...(s.duplicates ? [`Bỏ qua ${s.duplicates} gói trùng.`] : []),
    ...(s.reconciled ? [`Đối chiếu với trục: ${s.reconciled} gói đã gửi trước đó.`] : []),
    ...s.failures.map((f) => `- ${f.what}: ${f.reasonVi} ${f.actionVi}`),
  ];
  return lines.join('\n');
}

// `vanthu sync --profile DIR [--json]`: one sync run with the profile's hub settings. Progress
// goes to stderr, the summary to stdout; exit 1 unless every package went through.
export async function sync(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, async (profile) => {
    const client = createHubClientFor(profile, fileKeyCipher(profile.paths.root));
    try {
      let last = '';
      const summary = await runSync(profile, {
        client,
        builders: PACKAGE_BUILDERS,
        onProgress: (progress) => {
          const line = progressLine(progress);
          if (line !== last) process.stderr.write(`${line}\n`);
          last = line;
        },
      });
      return { json: summary, text: summaryText(summary), exitCode: summary.outcome === 'ok' ? 0 : 1 };
    } finally {
      client.close();
    }
  });
}
