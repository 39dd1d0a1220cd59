import type { Locale, Localized } from '../types.js';
import { localize } from './format.js';

/** Messages of the core (engine, config, CLI), in both languages. Rules carry their own. */
export const CORE_MESSAGES = {
  internalError: {
    zh: '规则 {ruleId} 运行出错：{error}（这是 reportlint 的缺陷，请报告）',
    en: 'Rule {ruleId} failed: {error} (a bug in reportlint; please report it)',
  },
  formatNeedsFile: { zh: '{format} 格式只能写入文件：-f {format}:结果.{format} 或 -o 结果.{format}', en: 'the {format} format goes to a file only: -f {format}:result.{format} or -o result.{format}' },
  initWritten: { zh: '已写入 {path}（预设 {preset}，报告类型 {profile}）', en: 'Wrote {path} (preset {preset}, report kind {profile})' },
  initExists: { zh: '配置文件 {path} 已存在，未覆盖', en: '{path} already exists; not overwritten' },
  initOnly: { zh: '{option} 只能与 --init 同用', en: '{option} goes with --init only' },
  initUnknownPreset: { zh: '未知的预设“{value}”{hint}（可选：{choices}）', en: 'unknown preset “{value}”{hint} (choose one of: {choices})' },
  initUnknownProfile: { zh: '未知的报告类型“{value}”{hint}（可选：{choices}）', en: 'unknown report kind “{value}”{hint} (choose one of: {choices})' },
  initAskProfile: { zh: '报告类型（输入序号，回车取第一项）：', en: 'Report kind (type a number; Enter takes the first):' },
  initAskPreset: { zh: '把关严格程度（输入序号，回车取第一项）：', en: 'How strict a gate (type a number; Enter takes the first):' },
  initProfileAuto: { zh: '按标题自动判断', en: 'detect from the title' },
  initProfileNone: { zh: '不检查必备部分', en: 'no required sections' },
  initProfileBuiltin: { zh: '{title}', en: '{title}' },
  initPresetRecommended: { zh: '全部规则按默认级别', en: 'every rule at its default severity' },
  initPresetGate: { zh: '上传把关：只有占位符、缺问题部分、缺必备部分、抄袭、责任混淆是错误', en: 'upload gate: only placeholders, a missing problems section or part, copying and conflated responsibilities are errors' },
  initPresetStrict: { zh: '全部规则均为错误', en: 'every rule an error' },
  didYouMean: { zh: '，是否应为“{suggestion}”？', en: '; did you mean “{suggestion}”?' },
  unknownDirectiveRule: {
    zh: '注释指令中的规则“{ruleId}”不存在{hint}',
    en: 'Unknown rule “{ruleId}” in a directive comment{hint}',
  },
  fileIgnored: {
    zh: '该文件与忽略规则匹配，未检查',
    en: 'File ignored because of a matching ignore pattern',
  },
  noFilesMatched: {
    zh: '没有找到要检查的文件：{patterns}',
    en: 'No files matched: {patterns}',
  },
  pathNotFound: {
    zh: '路径不存在：{path}',
    en: 'No such file or directory: {path}',
  },
  readFailed: {
    zh: '无法读取文件 {path}：{reason}',
    en: 'Cannot read {path}: {reason}',
  },
  writeFailed: {
    zh: '无法写入文件 {path}：{reason}',
    en: 'Cannot write {path}: {reason}',
  },
  unknownRule: {
    zh: '规则“{ruleId}”不存在{hint}',
    en: 'Unknown rule “{ruleId}”{hint}',
  },
  unknownFormat: {
    zh: '不支持的输出格式“{format}”{hint}（可选：{choices}）',
    en: 'Unknown format “{format}”{hint} (choose one of: {choices})',
  },
  badMaxWarnings: {
    zh: '--max-warnings 须为非负整数，收到“{value}”',
    en: '--max-warnings takes a whole number of 0 or more, got “{value}”',
  },
  badLocale: {
    zh: '不支持的语言“{value}”，可选：zh、en',
    en: 'Unknown locale “{value}”; choose zh or en',
  },
  badRuleFlag: {
    zh: '--rule 参数无法解析：“{value}”（格式如 "no-placeholder: error"）',
    en: 'Cannot parse --rule “{value}” (expected e.g. "no-placeholder: error")',
  },
  fixRefused: {
    zh: '未自动修复：修复会改变报告结构（{detail}），文件保持原样',
    en: 'Not fixed: the fixes would change the report’s structure ({detail}); the file was left as it was',
  },
  fixedCount: {
    zh: '已自动修复 {count} 处：{rules}',
    en: 'Fixed {count} {count|problem|problems}: {rules}',
  },
  fileChanged: {
    zh: '文件在检查期间被修改，未写入修复：{path}',
    en: 'The file changed while it was being checked; fixes not written: {path}',
  },
  unknownFixRule: {
    zh: '--fix-rule 指定的规则“{ruleId}”不存在或不支持自动修复{hint}',
    en: '--fix-rule names “{ruleId}”, which does not exist or cannot fix{hint}',
  },
  reasonPermission: { zh: '权限不足', en: 'permission denied' },
  reasonLoop: { zh: '符号链接循环', en: 'symbolic link loop' },
  reasonMissing: { zh: '文件不存在', en: 'no such file' },
  reasonDirectory: { zh: '这是一个目录', en: 'it is a directory' },
  fileTooLarge: {
    zh: '文件大小 {size} MB 超过上限 {max} MB（--max-file-size），已跳过',
    en: 'File of {size} MB is over the limit of {max} MB (--max-file-size); skipped',
  },
  fileBinary: { zh: '不是文本文件（含二进制内容），未检查', en: 'Not a text file (binary content); not checked' },
  fileUndecodable: {
    zh: '无法识别文件编码，未检查（请转换为 UTF-8 或 GB18030 后再检查）',
    en: 'Cannot tell the file’s encoding; not checked (convert it to UTF-8 or GB18030 first)',
  },
  docxCorrupt: {
    zh: 'Word 文档已损坏或不是 .docx 格式，未检查',
    en: 'The Word document is damaged or not in .docx format; not checked',
  },
  fileEmpty: { zh: '文件为空，没有可检查的内容', en: 'The file is empty: nothing to check' },
  docxFormatted: {
    zh: '版式问题已在排版副本中按 GB/T 9704 修正：{path}（原文件不改动；批注和修订需在 Word 中处理）',
    en: 'The layout problems are corrected to GB/T 9704 in a formatted copy: {path} (the original is left as it is; comments and tracked changes are for Word)',
  },
  docxFormatRefused: {
    zh: '未生成排版副本：{reason}',
    en: 'No formatted copy was made: {reason}',
  },
  docxTooLarge: {
    zh: 'Word 文档解压后过大或内含文件过多（{reason}），疑为压缩炸弹，未检查',
    en: 'The Word document inflates too far or holds too many parts ({reason}), like a zip bomb; not checked',
  },
  convertNoOffice: {
    zh: '未检查：读取 {ext} 文件需要 LibreOffice（soffice），请安装 LibreOffice，或在 Word/WPS 中另存为 .docx 后再检查',
    en: 'Not checked: reading {ext} files needs LibreOffice (soffice); install LibreOffice, or save the file as .docx in Word or WPS',
  },
  convertFailed: {
    zh: '未检查：LibreOffice 无法转换此 {ext} 文件（{reason}），请在 Word/WPS 中另存为 .docx 后再检查',
    en: 'Not checked: LibreOffice could not convert this {ext} file ({reason}); save it as .docx in Word or WPS',
  },
  pdfNoText: {
    zh: '未检查：PDF 没有文字层（可能是扫描件），请提供 Word 版本或先做文字识别（OCR）',
    en: 'Not checked: the PDF has no text layer (perhaps a scan); supply the Word version or run OCR first',
  },
  pdfUnreadable: {
    zh: '未检查：PDF 文件已损坏或加密（{reason}）',
    en: 'Not checked: the PDF is damaged or encrypted ({reason})',
  },
  lockFileSkipped: {
    zh: '已跳过 Office 锁定文件或临时文件（文档正被打开编辑时产生，不是报告）',
    en: 'Skipped an Office lock or temporary file (left while a document is open; not a report)',
  },
  readOnlyNoFix: {
    zh: '{ext} 文件不提供自动修复，请在原文档中修改',
    en: '{ext} files are not fixed automatically; make the changes in the original document',
  },

  docxNoFix: {
    zh: 'Word 文档（.docx）不显示修复差异；--fix 会把修复作为修订写入副本“名称.reportlint.docx”，原文件不变',
    en: 'No diff is shown for Word documents (.docx); --fix writes the fixes as tracked changes into a copy, NAME.reportlint.docx, and leaves the file alone',
  },
  noReportsInDirectory: {
    zh: '目录中没有报告文件（.md、.markdown、.txt、.docx、.doc、.wps、.odt、.rtf、.pdf）：{path}',
    en: 'No report files (.md, .markdown, .txt, .docx, .doc, .wps, .odt, .rtf, .pdf) in directory: {path}',
  },
  noGlobMatch: { zh: '没有与之匹配的文件：{path}', en: 'No files match: {path}' },
  badEncoding: { zh: '不支持的编码“{value}”', en: 'Unknown encoding “{value}”' },
  badMaxFileSize: {
    zh: '--max-file-size 须为正数（单位 MB），收到“{value}”',
    en: '--max-file-size takes a positive number of megabytes, got “{value}”',
  },
  badCacheStrategy: {
    zh: '--cache-strategy 须为 metadata 或 content，收到“{value}”',
    en: '--cache-strategy takes metadata or content, got “{value}”',
  },
  cacheDamaged: {
    zh: '缓存文件 {path} 已损坏或不是 reportlint 的缓存，已忽略并重新建立',
    en: 'The cache file {path} is damaged or not a reportlint cache; it was ignored and is rebuilt',
  },
  cacheWithFix: {
    zh: '--fix 时不使用缓存（每个文件都重新检查）',
    en: 'With --fix the cache is not used (every file is checked afresh)',
  },
  badWorkers: {
    zh: '环境变量 REPORTLINT_WORKERS 须为非负整数，收到“{value}”',
    en: 'REPORTLINT_WORKERS takes a whole number of threads (0 or more), got “{value}”',
  },
  indexWritten: { zh: '已写入参考索引：{path}（{files} 个文件）', en: 'Wrote the reference index {path} ({files} files)' },
  baselineWritten: { zh: '已写入基线：{path}（{count} 个问题）', en: 'Wrote the baseline {path} ({count} problems)' },
  baselineSuppressed: { zh: '基线中已有的 {count} 个问题未显示', en: '{count} problems already in the baseline are not shown' },
  badBaseline: { zh: '基线文件 {path} 格式不对：{reason}', en: 'The baseline {path} is not valid: {reason}' },
  stdinFix: { zh: '--stdin 不能与 --fix 同用（可用 --fix-dry-run）', en: '--stdin cannot be used with --fix (use --fix-dry-run)' },
  stdinPatterns: { zh: '--stdin 不能同时指定文件', en: '--stdin takes no file patterns' },
  badFormatTarget: { zh: '输出格式“{value}”缺少文件名（格式如 sarif:结果.sarif）', en: 'Format “{value}” names no file (e.g. sarif:report.sarif)' },
  tooManyStdoutFormats: {
    zh: '只能有一种格式输出到标准输出，其余请写成“格式:文件”：{formats}',
    en: 'Only one format can go to standard output; write the others as format:file ({formats})',
  },
  outputFileUnused: {
    zh: '--output-file 只用于未指定文件的格式，但每种格式都已指定了文件',
    en: '--output-file applies to a format without a file, but every format names one',
  },
  cliUnknownOption: { zh: '未知的选项 {option}{hint}（reportlint --help 列出全部选项）', en: 'unknown option {option}{hint}' },
  cliMissingValue: { zh: '选项 {option} 缺少取值', en: 'option {option} needs a value' },
  cliMissingArgument: { zh: '缺少参数 {option}', en: 'missing argument {option}' },
  cliExcessArguments: { zh: '多余的参数', en: 'too many arguments' },
  unexpected: {
    zh: '内部错误：{error}（加 --debug 查看详情，并请报告此问题）',
    en: 'Internal error: {error} (run with --debug for details, and please report it)',
  },
  tooManyWarnings: {
    zh: 'reportlint 发现的警告过多（上限 {max} 个）。',
    en: 'reportlint found too many warnings (maximum: {max}).',
  },
  summaryProblems: {
    zh: '{total} 个问题（{errors} 个错误，{warnings} 个警告），检查 {files} 个文件，{failing} 个未通过',
    en: '{total} {total|problem|problems} ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}); {files} {files|file|files} checked, {failing} failing',
  },
  summaryClean: {
    zh: '未发现问题，检查 {files} 个文件',
    en: 'No problems; {files} {files|file|files} checked',
  },
  summaryFixable: {
    zh: '其中 {errors} 个错误和 {warnings} 个警告可用 --fix 自动修复。',
    en: '{errors} {errors|error|errors} and {warnings} {warnings|warning|warnings} potentially fixable with the `--fix` option.',
  },
  severityError: { zh: '错误', en: 'error' },
  severityWarning: { zh: '警告', en: 'warning' },
  severityInfo: { zh: '提示', en: 'info' },
  configError: {
    zh: '配置错误 {file}:{line}：{detail}',
    en: 'Config error in {file}:{line}: {detail}',
  },
  configYaml: { zh: 'YAML 语法错误：{reason}', en: 'YAML syntax error: {reason}' },
  configUnknownKey: { zh: '未知的配置项“{key}”{hint}', en: 'unknown key “{key}”{hint}' },
  configUnknownRule: { zh: '规则“{key}”不存在{hint}', en: 'unknown rule “{key}”{hint}' },
  configBadSeverity: {
    zh: '“{key}”的级别须为 off、warn 或 error（或 [级别, {选项}]）',
    en: '“{key}” must be off, warn or error (or [severity, {options}])',
  },
  configBadOption: { zh: '“{key}”的取值无效：{reason}', en: 'invalid value for “{key}”: {reason}' },
  configBadValue: { zh: '“{key}”{reason}', en: '“{key}” {reason}' },
  configNotFound: { zh: '找不到配置文件 {file}', en: 'Config file not found: {file}' },
  configExtendsCycle: { zh: 'extends 循环引用：{file}', en: 'extends cycle through {file}' },
  configUnknownPreset: {
    zh: '未知的预设“{name}”{hint}（可选：{choices}，或配置文件路径）',
    en: 'unknown preset “{name}”{hint} (choose one of {choices}, or a path to a config file)',
  },
  configErrorNoLine: { zh: '配置错误 {file}：{detail}', en: 'Config error in {file}: {detail}' },
  configTopLevel: { zh: '配置须为映射（键: 值）', en: 'the config must be a mapping (key: value)' },
  configExpectBoolean: { zh: '“{key}”须为 true 或 false', en: '“{key}” must be true or false' },
  configExpectString: { zh: '“{key}”须为字符串', en: '“{key}” must be a string' },
  configExpectStringOrList: {
    zh: '“{key}”须为字符串或字符串列表',
    en: '“{key}” must be a string or a list of strings',
  },
  configExpectList: { zh: '“{key}”须为列表', en: '“{key}” must be a list' },
  configExpectMapping: { zh: '“{key}”须为映射（键: 值）', en: '“{key}” must be a mapping (key: value)' },
  configExpectNumber: { zh: '“{key}”须为数字', en: '“{key}” must be a number' },
  configExpectInteger: { zh: '“{key}”须为整数', en: '“{key}” must be a whole number' },
  configExpectOneOf: { zh: '“{key}”须为以下之一：{choices}', en: '“{key}” must be one of: {choices}' },
  configEmptyValue: { zh: '“{key}”不能为空', en: '“{key}” must not be empty' },
  configTooSmall: { zh: '“{key}”不得小于 {limit}', en: '“{key}” must be {limit} or more' },
  configTooLarge: { zh: '“{key}”不得大于 {limit}', en: '“{key}” must be {limit} or less' },
  configMissingKey: { zh: '“{key}”缺少“{missing}”', en: '“{key}” is missing “{missing}”' },
  configUnknownOption: { zh: '未知的规则选项“{key}”{hint}', en: 'unknown rule option “{key}”{hint}' },
  configBadRegex: {
    zh: '“{key}”不是有效的正则表达式：{reason}',
    en: '“{key}” is not a valid regular expression: {reason}',
  },
  docxWritten: {
    zh: '已写入带批注的副本 {path}：{comments} 条批注，{changes} 处修订',
    en: 'Wrote the annotated copy {path}: {comments} comments, {changes} tracked changes',
  },
  docxUnplaced: {
    zh: '{path}：{count} 条问题无法定位到 Word 中的文字，未写入批注',
    en: '{path}: {count} findings could not be placed on the Word text; no comment written for them',
  },
  docxCopyFailed: { zh: '无法写出带批注的副本 {path}：{reason}', en: 'Cannot write the annotated copy {path}: {reason}' },
  docxCommentRule: { zh: '规则：{ruleId}', en: 'Rule: {ruleId}' },
  docxFixReplace: { zh: '建议：将“{from}”改为“{to}”', en: 'Suggested fix: replace “{from}” with “{to}”' },
  docxFixDelete: { zh: '建议：删除“{from}”', en: 'Suggested fix: delete “{from}”' },
  docxFixInsert: { zh: '建议：插入“{to}”', en: 'Suggested fix: insert “{to}”' },
  docxTarget: {
    zh: '“docx”格式为每个 Word 文件写出带批注的副本，不接文件名；目录用 --output-dir 指定',
    en: 'The docx format writes an annotated copy of each Word file and takes no file name; choose the directory with --output-dir',
  },
  outputDirUnused: { zh: '--output-dir 需与 --format docx 或 --fix 同用', en: '--output-dir needs --format docx or --fix' },
  // Safety (issue 17): encodings, writes, hostile input.
  fileUndecodableAt: {
    zh: '无法识别文件编码，未检查：第 {line} 行起既不是 UTF-8 也不是 GB18030（文件可能混用了编码，请先统一转换为 UTF-8）',
    en: 'Cannot tell the file’s encoding; not checked: from line {line} it is neither UTF-8 nor GB18030 (the file may mix encodings; convert it all to UTF-8 first)',
  },
  fixRefusedUnclean: {
    zh: '未自动修复：按 {encoding} 解码时有无法还原的字节，写回会损坏文件，文件保持原样',
    en: 'Not fixed: decoding as {encoding} did not give back every byte, so writing would damage the file; the file was left as it was',
  },
  fixRefusedEncoding: {
    zh: '未自动修复：修复后的文字无法用 {encoding} 无损写回（如“{char}”），文件保持原样',
    en: 'Not fixed: {encoding} cannot hold the fixed text (e.g. “{char}”); the file was left as it was',
  },
  fixReadOnly: {
    zh: '文件只读，未写入修复（如需修复，请先 chmod u+w）：{path}',
    en: 'The file is read-only; fixes not written (chmod u+w to allow it): {path}',
  },
  notRegularFile: {
    zh: '不是普通文件（设备、管道或套接字），未检查：{path}',
    en: 'Not a regular file (a device, pipe or socket); not checked: {path}',
  },
  brokenSymlink: { zh: '符号链接指向的文件不存在：{path}', en: 'Broken symbolic link: {path}' },
  readDirFailed: { zh: '无法读取目录 {path}：{reason}', en: 'Cannot read directory {path}: {reason}' },
  fileTooLargeNamed: {
    zh: '文件 {path} 大小超过上限 {max} MB，未读取',
    en: 'The file {path} is over the limit of {max} MB; not read',
  },
  stdinTooLarge: {
    zh: '标准输入超过上限 {max} MB（--max-file-size），未检查',
    en: 'Standard input is over the limit of {max} MB (--max-file-size); not checked',
  },
  referenceUnusable: { zh: '无法使用参考文件 {path}：{reason}', en: 'Cannot use the reference file {path}: {reason}' },
  badIndex: { zh: '参考索引 {path} 无法使用：{reason}', en: 'The reference index {path} cannot be used: {reason}' },
  reasonNoDirectory: { zh: '所在目录不存在', en: 'its directory does not exist' },
  reasonNotRegular: { zh: '不是普通文件', en: 'not a regular file' },
  fixSkipped: {
    zh: '有 {count} 处修复会改变 Markdown 结构、报告结构或行的划分，未应用（相应问题仍列出，请手工修改）',
    en: '{count} {count|fix|fixes} would change the Markdown structure, the report’s structure or its lines and {count|was|were} not applied (the problems are still listed; fix them by hand)',
  },
  guardNesting: { zh: '嵌套超过 32 层', en: 'nested more than 32 levels deep' },
  guardEmphasisRun: { zh: '连续 65 个以上的 * 或 _', en: 'a run of more than 64 * or _' },
  guardInlineMarkup: { zh: '同一段中的 *、_、[、] 过多', en: 'too many *, _, [ and ] in one paragraph' },
  configForeign: {
    zh: '不是 reportlint 配置文件，无法用作 extends（内容不予引用）',
    en: 'not a reportlint config file, so it cannot be extended (its text is not shown)',
  },
  markdownAsText: {
    zh: 'Markdown 结构过于复杂（{reason}），本文件按纯文本检查',
    en: 'The Markdown is too complex ({reason}); the file was checked as plain text',
  },
} satisfies Record<string, Localized>;

export type CoreMessageId = keyof typeof CORE_MESSAGES;

/** A message; `{hint}` in it becomes “did you mean” when `data.suggestion` names the likely intended word, else nothing. */
export function coreMessage(locale: Locale, id: CoreMessageId, data?: Record<string, string | number>): string {
  const suggestion = data?.suggestion;
  const hint = typeof suggestion === 'string' && suggestion ? localize(CORE_MESSAGES.didYouMean, locale, { suggestion }) : '';
  return localize(CORE_MESSAGES[id], locale, { ...data, hint });
}
