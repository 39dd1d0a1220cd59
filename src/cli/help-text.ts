import type { Localized } from '../types.js';

/** The CLI's --help, in both languages (`--locale en` picks English). */
export const HELP = {
  description: {
    zh: '检查党政机关工作报告（如《关于落实全面从严治党主体责任情况的报告》）的结构、内容与格式。',
    en: 'Checks Chinese Party and government work reports for structure, content and format faults.',
  },
  patterns: {
    zh: '要检查的文件、目录或 glob（目录下检查 .md、.markdown、.txt；默认当前目录）',
    en: 'files, directories or globs to check (directories: .md, .markdown, .txt; default: .)',
  },
  config: { zh: '使用指定的配置文件（不再逐级查找）', en: 'use this config file instead of looking for one' },
  noConfig: { zh: '不读取任何配置文件，只用默认规则', en: 'read no config file; default rules only' },
  rule: {
    zh: '覆盖规则设置，如 "no-placeholder: off"（可重复）',
    en: 'override a rule, e.g. "no-placeholder: off" (repeatable)',
  },
  ignorePattern: { zh: '忽略与之匹配的文件（可重复）', en: 'skip files matching this glob (repeatable)' },
  format: {
    zh: '输出格式：stylish（默认）、json、sarif、github、gitlab、junit、rdjson、html、summary、csv、xlsx，docx（为每个 Word 文件写出带批注的副本）；可重复，“格式:文件”写入文件',
    en: 'output format: stylish (default), json, sarif, github, gitlab, junit, rdjson, html, summary, csv, xlsx, docx (an annotated copy of each Word file); repeatable, format:file writes to a file',
  },
  reference: { zh: '参考文件（市委清单、往年报告或 .rlidx 索引），可重复', en: 'reference documents (checklists, past reports or an .rlidx index); repeatable' },
  encoding: { zh: '按此编码读取文本文件（默认自动识别 UTF-8、UTF-16、GB18030）', en: 'read text files in this encoding (default: detect UTF-8, UTF-16, GB18030)' },
  maxFileSize: { zh: '跳过大于此值（MB）的文件，默认 10', en: 'skip files larger than this many megabytes (default 10)' },
  stdin: { zh: '从标准输入读取报告', en: 'read the report from standard input' },
  stdinFilename: { zh: '标准输入内容的文件名（决定配置与格式）', en: 'file name for standard input (picks config and format)' },
  baseline: { zh: '只报告基线文件中没有的问题', en: 'report only problems not in this baseline file' },
  baselineWrite: { zh: '把当前的问题写入基线文件', en: 'record the current problems in a baseline file' },
  cache: { zh: '只重新检查改动过的文件，其余沿用上次结果（缓存在 .reportlintcache）', en: 'only check files changed since the last run; reuse the rest (cached in .reportlintcache)' },
  cacheLocation: { zh: '缓存文件或目录（默认 ./.reportlintcache）', en: 'the cache file or directory (default ./.reportlintcache)' },
  cacheStrategy: {
    zh: '如何判断文件改动：metadata（大小与修改时间，默认）或 content（内容哈希）',
    en: 'how a change is detected: metadata (size and modification time, the default) or content (a hash)',
  },
  indexDescription: { zh: '为参考文件建立索引（供 references 或 --reference 使用）', en: 'build an index of reference documents (for references or --reference)' },
  indexPatterns: { zh: '参考文件、目录或 glob', en: 'reference files, directories or globs' },
  indexOutput: { zh: '索引文件（.rlidx）', en: 'the index file to write (.rlidx)' },
  outputDir: {
    zh: '--format docx 与 --fix 写出的带批注 Word 副本（名称.reportlint.docx）所在目录，默认与原文件同目录',
    en: 'directory for the annotated Word copies (NAME.reportlint.docx) of --format docx and --fix; default: beside each input',
  },
  outputFile: { zh: '把结果写入文件而非标准输出', en: 'write the report to a file instead of stdout' },
  quiet: { zh: '只报告错误，不报告警告', en: 'report errors only' },
  maxWarnings: {
    zh: '警告数超过此值时以退出码 1 结束',
    en: 'exit with code 1 when there are more warnings than this',
  },
  locale: { zh: '消息语言：zh（默认）或 en', en: 'message language: zh (default) or en' },
  color: { zh: '强制彩色输出', en: 'force colours' },
  noColor: { zh: '不使用颜色（也可设 NO_COLOR）', en: 'no colours (NO_COLOR works too)' },
  fix: {
    zh: '自动修复可安全修复的问题并写回文件（Word 文件不改动，修复以修订写入 名称.reportlint.docx 副本）',
    en: 'fix what can be fixed safely, and write the files (Word files are left alone: fixes go into NAME.reportlint.docx as tracked changes)',
  },
  fixDryRun: { zh: '显示修复的差异（unified diff），不写文件', en: 'show the fixes as a unified diff; write nothing' },
  fixRule: { zh: '只修复指定规则的问题（可重复）', en: 'fix only this rule’s problems (repeatable)' },
  printConfig: { zh: '打印对该文件生效的配置', en: 'print the configuration that applies to a file' },
  listRules: { zh: '列出全部规则', en: 'list all rules' },
  explain: { zh: '显示规则的说明与示例', en: 'show a rule’s documentation and examples' },
  init: { zh: '在当前目录写入初始配置 .reportlintrc.yaml（终端中会询问报告类型和把关严格程度）', en: 'write a starter .reportlintrc.yaml here (on a terminal, asks for the report kind and how strict a gate)' },
  preset: { zh: '与 --init 同用：recommended、gate 或 strict', en: 'with --init: recommended, gate or strict' },
  profile: { zh: '与 --init 同用：报告类型 auto、zhuti-zeren 或 none', en: 'with --init: report kind auto, zhuti-zeren or none' },
  debug: { zh: '出现内部错误时打印调用栈；与 --cache 同用时说明本次运行是否重放或记录', en: 'print stack traces of internal errors, and with --cache whether the run was replayed or recorded' },
  version: { zh: '显示版本号', en: 'show the version' },
  help: { zh: '显示帮助', en: 'show this help' },
  after: {
    zh: '\n子命令：reportlint index <文件…> --output 参考.rlidx\n退出码：0 无错误；1 有错误或警告超限；2 用法、配置或读写错误。\n示例：reportlint 报告/ --format json --output-file 结果.json',
    en: '\nSubcommand: reportlint index <files…> --output refs.rlidx\nExit codes: 0 no errors; 1 errors, or too many warnings; 2 usage, config or I/O failure.\nExample: reportlint reports/ --format json --output-file result.json',
  },
} satisfies Record<string, Localized>;
