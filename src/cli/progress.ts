import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';
import type { Locale } from '../types.js';

/** Batches of more than this many files get a progress bar (on a terminal, outside CI, without --quiet). */
export const PROGRESS_THRESHOLD = 50;

export function progressBar(stream: NodeJS.WritableStream, locale: Locale): { update: (done: number, total: number) => void; stop: () => void } {
  let bar: cliProgressModule.SingleBar | undefined;
  return {
    update(done, total) {
      if (total <= PROGRESS_THRESHOLD) return;
      if (!bar) {
        // Loaded only for a batch that gets a bar: most runs show none.
        const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: locale === 'zh' ? '检查中 [{bar}] {value}/{total} 个文件' : 'Checking [{bar}] {value}/{total} files',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
