import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the built CLI (bin/reportlint.js → dist/) as a separate process, as a user or CI would. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/reportlint.js');

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', input: options.input, maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


/** A short report that every recommended rule passes. */
export const CLEAN_REPORT =
  '关于某项工作的报告\n市委：\n2024年以来，我们认真落实市委部署，坚持问题导向，扎实推进各项工作，现将有关情况报告如下。\n一、工作开展情况\n全年开展专项督查4次，覆盖全部基层党组织，督促整改问题线索18条，建立问题台账并逐项销号。同步完善日常监督制度，推动监督工作常态化开展，取得了阶段性成效。\n二、存在的问题\n一是有2个党支部未按期换届，组织生活不够规范，个别支部三会一课记录不完整。二是谈心谈话覆盖率仅为76%，部分班子成员对分管领域的日常监督不够经常，发现问题的能力还需提高。\n三、下一步工作打算\n督促2个党支部在3月底前完成换届，逐月检查三会一课落实情况。年内实现谈心谈话全覆盖，完善班子成员履职清单，每季度听取一次分管领域情况汇报。\n中共某某委员会\n2025年1月5日\n';
