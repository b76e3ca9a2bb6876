// Lints BPMN files in the Camunda Modeler's dialect with bpmnlint's recommended rules and our own (lint/rules).
//
//   node lint/lint.mjs path/to/file.bpmn [more.bpmn | a directory ...]
//   npm --prefix processes/modeler run lint -- path/to/file.bpmn
//
// Prints one plain line per finding ("file: element: message (rule)") and exits 1 when there is an error.
// Options: --forms DIR, --rules DIR, --groups FILE (Group.java) say where our forms, decisions and groups are;
// the defaults are this repository's folders.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..', '..', '..');

export const OUR_RULES = {
  'user-task-assignment': 'error',
  'user-task-form': 'error',
  'decision-exists': 'error',
  'process-id-file-name': 'error',
  'readable-ids': 'error',
  'no-unsupported-camunda': 'error'
};

export const DEFAULTS = {
  forms: join(repository, 'forms', 'src', 'main', 'resources', 'forms'),
  rules: join(repository, 'rules', 'src', 'main', 'resources'),
  groups: join(repository, 'runtime', 'src', 'main', 'java', 'com', 'livegov', 'governance', 'security', 'Group.java'),
  config: join(here, '..', '.bpmnlintrc')
};

/** The names of our forms (file names without .form). */
export function formNames(directory) {
  return existsSync(directory) ? readdirSync(directory).filter(f => f.endsWith('.form')).map(f => f.slice(0, -5)) : [];
}

/**
 * Our decisions: every decision of every DMN model of rules/, as { model, name }. A business-rule task names one by
 * its decision name (camunda:decisionRef="OffboardingTerms", "Measures").
 */
export function decisions(directory) {
  const found = [];
  for (const file of filesUnder(directory, '.dmn')) {
    const xml = readFileSync(file, 'utf8');
    const model = /<(?:\w+:)?definitions\b[^>]*?\sname="([^"]+)"/.exec(xml);
    for (const decision of xml.matchAll(/<(?:\w+:)?decision\b[^>]*?\sname="([^"]+)"/g)) {
      found.push({ model: model ? model[1] : basename(file, '.dmn'), name: decision[1] });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export function decisionNames(directory) {
  return decisions(directory).map(d => d.name);
}

/** Our groups, from the Group enum: ADMIN("admin"), ... */
export function groupNames(groupJava) {
  if (!existsSync(groupJava)) {
    return [];
  }
  return [ ...readFileSync(groupJava, 'utf8').matchAll(/^\s+[A-Z_]+\("([a-z-]+)"\)/gm) ].map(m => m[1]);
}

function filesUnder(path, extension) {
  if (!existsSync(path)) {
    return [];
  }
  if (statSync(path).isFile()) {
    return [ path ];
  }
  return readdirSync(path).sort().flatMap(name => {
    const child = join(path, name);
    return statSync(child).isDirectory() ? filesUnder(child, extension) : name.endsWith(extension) ? [ child ] : [];
  });
}

/** A bpmnlint resolver for bpmnlint's own rules and our plugin "livegov", whose rules get the context. */
function resolver(context) {
  return {
    resolveRule(pkg, ruleName) {
      if (pkg === 'bpmnlint') {
        return require(`bpmnlint/rules/${ruleName}`);
      }
      if (pkg === 'bpmnlint-plugin-livegov') {
        const factory = require(join(here, 'rules', `${ruleName}.cjs`));
        return (config) => factory({ ...context, ...(config || {}) });
      }
      throw new Error(`unknown rule ${pkg}/${ruleName}`);
    },
    resolveConfig(pkg, configName) {
      if (pkg === 'bpmnlint') {
        return require(`bpmnlint/config/${configName}`);
      }
      if (pkg === 'bpmnlint-plugin-livegov' && configName === 'recommended') {
        return { rules: Object.fromEntries(Object.entries(OUR_RULES).map(([ rule, level ]) => [ `livegov/${rule}`, level ])) };
      }
      throw new Error(`unknown config ${pkg}:${configName}`);
    }
  };
}

/**
 * Lints one file. Returns [{ file, element, message, rule, category }], errors first.
 */
export async function lintFile(file, options = {}) {
  const settings = { ...DEFAULTS, ...options };
  const context = {
    forms: settings.formNames || formNames(settings.forms),
    decisions: settings.decisionNames || decisionNames(settings.rules),
    groups: settings.groupNames || groupNames(settings.groups),
    fileName: basename(file).replace(/\.bpmn2?$/, '')
  };
  const config = JSON.parse(readFileSync(settings.config, 'utf8'));
  const moddle = new BpmnModdle({ camunda });
  let rootElement;
  let warnings;
  try {
    ({ rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions'));
  } catch (e) {
    return [ { file, element: '', message: `cannot be read as BPMN: ${e.message}`, rule: 'parse', category: 'error' } ];
  }
  const findings = (warnings || []).map(w => ({ file, element: w.element && w.element.id || '', message: w.message, rule: 'parse', category: 'warn' }));
  const results = await new Linter({ config, resolver: resolver(context) }).lint(rootElement);
  for (const [ rule, reports ] of Object.entries(results)) {
    for (const report of reports) {
      findings.push({ file, element: report.id || '', message: report.message, rule, category: report.category });
    }
  }
  const order = { error: 0, warn: 1 };
  return findings.sort((a, b) => (order[a.category] ?? 2) - (order[b.category] ?? 2));
}

/** Lints files and directories (every .bpmn under them). */
export async function lintPaths(paths, options = {}) {
  const findings = [];
  for (const path of paths) {
    const files = filesUnder(path, '.bpmn');
    if (!files.length) {
      findings.push({ file: path, element: '', message: 'no BPMN file found here', rule: 'files', category: 'error' });
    }
    for (const file of files) {
      findings.push(...await lintFile(file, options));
    }
  }
  return findings;
}

export function format(finding) {
  const level = finding.category === 'error' ? 'error' : 'warning';
  return `${finding.file}: ${level}: ${finding.element ? finding.element + ': ' : ''}${finding.message} (${finding.rule})`;
}

async function main(argv) {
  const options = {};
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    if ([ '--forms', '--rules', '--groups', '--config' ].includes(argv[i])) {
      options[argv[i].slice(2)] = resolve(argv[++i]);
    } else {
      paths.push(argv[i]);
    }
  }
  if (!paths.length) {
    console.error('Usage: npm --prefix processes/modeler run lint -- path/to/process.bpmn [more files or folders]');
    return 2;
  }
  const findings = await lintPaths(paths.map(p => resolve(process.env.INIT_CWD || process.cwd(), p)), options);
  findings.forEach(f => console.log(format(f)));
  const errors = findings.filter(f => f.category === 'error').length;
  const warnings = findings.length - errors;
  console.log(errors ? `${errors} error(s), ${warnings} warning(s): fix the errors before the process can be built.`
    : `No errors${warnings ? `, ${warnings} warning(s)` : ''}: ${paths.join(', ')} passed the check.`);
  return errors ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
