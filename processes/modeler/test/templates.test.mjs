// The element templates of processes/element-templates: valid against the Camunda 7 element-template schema, and
// every choice they offer exists in our code and models (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { decisionNames, groupNames, formNames, DEFAULTS } from '../lint/lint.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..', '..');
const folder = join(repository, 'processes', 'element-templates');
const files = readdirSync(folder).filter(f => f.endsWith('.json')).sort();
const templates = files.map(f => ({ file: f, template: JSON.parse(readFileSync(join(folder, f), 'utf8')) }));
const java = join(repository, 'runtime', 'src', 'main', 'java', 'com', 'livegov', 'governance');

/** The allowed values of a DMN item definition of ApprovalChain (the approval's inputs). */
function allowedValues(itemDefinition) {
  const dmn = readFileSync(join(DEFAULTS.rules, 'approval-chain', 'ApprovalChain.dmn'), 'utf8');
  const found = new RegExp(`<itemDefinition[^>]*name="${itemDefinition}"[\\s\\S]*?<text>([^<]*)</text>`).exec(dmn);
  return [ ...found[1].matchAll(/&quot;([A-Z_]+)&quot;/g) ].map(m => m[1]);
}

function enumConstants(file) {
  return [ ...readFileSync(join(java, file), 'utf8').matchAll(/^\s{4}([A-Z_]+)[,;(]/gm) ].map(m => m[1]);
}

function processIds() {
  const ids = [];
  for (const dir of [ join(repository, 'processes', 'src', 'main', 'bpmn'), join(repository, 'processes', 'src', 'main', 'resources') ]) {
    if (existsSync(dir)) {
      for (const f of readdirSync(dir).filter(f => f.endsWith('.bpmn'))) {
        ids.push(...[ ...readFileSync(join(dir, f), 'utf8').matchAll(/<(?:\w+:)?process\b[^>]*?\sid="([^"]+)"/g) ].map(m => m[1]));
      }
    }
  }
  return ids;
}

/** The values a property may take, where our code or models define them. */
const known = {
  'property camunda:decisionRef': () => decisionNames(DEFAULTS.rules),
  'property camunda:candidateGroups': () => groupNames(DEFAULTS.groups).filter(g => g !== 'streamer' && g !== 'monitoring'),
  'property camunda:formKey': () => formNames(DEFAULTS.forms),
  'property calledElement': () => processIds(),
  'camunda:in action': () => allowedValues('AccountAction').filter(a => enumConstants('accounts/AccountAction.java').includes(a)),
  'camunda:in severity': () => allowedValues('ViolationSeverity'),
  'camunda:in accountKind': () => allowedValues('AccountKind')
};

function key(binding) {
  return binding.type === 'camunda:in' ? `camunda:in ${binding.target}` : `${binding.type} ${binding.name}`;
}

test('there are the five templates of our building blocks', () => {
  assert.deepEqual(templates.map(t => t.template.id).sort(), [
    'com.livegov.governance.accountAction', 'com.livegov.governance.accountActionApproval',
    'com.livegov.governance.evaluateDecision', 'com.livegov.governance.groupTask', 'com.livegov.governance.startOffboarding' ]);
});

test('every template is valid against the element-template schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  for (const { file, template } of templates) {
    assert.equal(validate(template), true, `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('template ids and names are unique', () => {
  const ids = templates.map(t => t.template.id);
  const names = templates.map(t => t.template.name);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(new Set(names).size, names.length);
});

test('every binding is one the Modeler and our translator support, on a property the element has', () => {
  const moddle = new BpmnModdle({ camunda });
  const supported = [ 'property', 'camunda:in', 'camunda:out', 'camunda:inputParameter', 'camunda:outputParameter' ];
  for (const { file, template } of templates) {
    const type = template.elementType ? template.elementType.value : template.appliesTo[0];
    const element = moddle.create(type);
    const seen = new Set();
    for (const property of template.properties) {
      const binding = property.binding;
      assert.ok(supported.includes(binding.type), `${file}: binding ${binding.type}`);
      if (binding.type === 'property') {
        assert.ok(element.$descriptor.propertiesByName[binding.name], `${file}: ${type} has no property ${binding.name}`);
      }
      if (binding.type === 'camunda:in' || binding.type === 'camunda:out') {
        assert.equal(type, 'bpmn:CallActivity', `${file}: in/out mappings belong to call activities`);
      }
      const bound = JSON.stringify(binding);
      assert.ok(!seen.has(bound), `${file}: ${bound} twice`);
      seen.add(bound);
    }
  }
});

test('every dropdown offers only values that exist in our code and models, and its default is one of them', () => {
  let checked = 0;
  for (const { file, template } of templates) {
    for (const property of template.properties.filter(p => p.type === 'Dropdown')) {
      const allowed = known[key(property.binding)];
      assert.ok(allowed, `${file}: nothing says what ${key(property.binding)} may be`);
      const values = allowed();
      assert.ok(values.length > 0, `${file}: no known values for ${key(property.binding)}`);
      for (const choice of property.choices) {
        assert.ok(values.includes(choice.value), `${file}: ${property.label}: ${choice.value} is not one of ${values.join(', ')}`);
      }
      assert.ok(property.choices.some(c => c.value === property.value), `${file}: ${property.label}: default ${property.value}`);
      checked++;
    }
  }
  assert.equal(checked, 6);
});

test('the decision dropdown offers every decision of rules/, the group dropdown every staff group', () => {
  const choices = binding => templates.flatMap(t => t.template.properties).find(p => p.binding.name === binding).choices.map(c => c.value).sort();
  assert.deepEqual(choices('camunda:decisionRef'), decisionNames(DEFAULTS.rules).sort());
  assert.ok(choices('camunda:decisionRef').length >= 9);
  assert.deepEqual(choices('camunda:candidateGroups'), [ 'admin', 'director', 'hr', 'legal', 'ops', 'ops-manager' ]);
  assert.deepEqual(choices('camunda:formKey'), formNames(DEFAULTS.forms).sort());
});

test('hidden values name what exists: the called process and the offboarding handler', () => {
  const hidden = templates.flatMap(t => t.template.properties.filter(p => p.type === 'Hidden'));
  for (const property of hidden) {
    if (property.binding.name === 'calledElement') {
      assert.ok(processIds().includes(property.value), property.value);
    } else if (property.binding.name === 'camunda:delegateExpression') {
      const [ , bean, method ] = /^\$\{(\w+)\.(\w+)\}$/.exec(property.value);
      const className = bean[0].toUpperCase() + bean.slice(1);
      const source = readFileSync(join(java, 'violations', `${className}.java`), 'utf8');
      assert.match(source, /@Component/);
      assert.match(source, new RegExp(`public [\\w<>, ]+ ${method}\\(String streamerId, Double averageMonthlyIncome, Double annualRevenue,\\s+Integer requestedNonCompeteMonths, String ipInvestment`));
      const inputs = templates.find(t => t.template.id === 'com.livegov.governance.startOffboarding').template.properties
        .filter(p => p.binding.type === 'camunda:inputParameter').map(p => p.binding.name);
      assert.deepEqual(inputs, [ 'streamerId', 'averageMonthlyIncome', 'annualRevenue', 'requestedNonCompeteMonths', 'ipInvestment' ]);
    } else {
      assert.fail(`unexpected hidden property ${JSON.stringify(property.binding)}`);
    }
  }
  assert.equal(hidden.length, 3);
});

test('the approval templates map the inputs the approval process declares and its outcome', () => {
  const approvalVariables = processVariables('accountActionApproval');
  for (const id of [ 'com.livegov.governance.accountAction', 'com.livegov.governance.accountActionApproval' ]) {
    const template = templates.find(t => t.template.id === id).template;
    for (const property of template.properties) {
      if (property.binding.type === 'camunda:in') {
        assert.ok(approvalVariables.includes(property.binding.target), `${id}: ${property.binding.target}`);
      }
      if (property.binding.type === 'camunda:out') {
        assert.ok(approvalVariables.includes(property.binding.source), `${id}: ${property.binding.source}`);
      }
    }
  }
});

function processVariables(processId) {
  for (const dir of [ join(repository, 'processes', 'src', 'main', 'bpmn'), join(repository, 'processes', 'src', 'main', 'resources') ]) {
    const file = join(dir, `${processId}.bpmn`);
    if (existsSync(file)) {
      const xml = readFileSync(file, 'utf8');
      const process = xml.slice(xml.search(/<(?:\w+:)?process\b/));
      return [ ...process.matchAll(/<(?:\w+:)?property\b[^>]*?\sname="([^"]+)"/g) ].map(m => m[1]);
    }
  }
  return [];
}

test('an element made from each template with its defaults passes the lint, as the Modeler would save it', async () => {
  const { lintFile } = await import('../lint/lint.mjs');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const moddle = new BpmnModdle({ camunda });
  const base = readFileSync(join(here, 'fixtures', 'userTaskAssignmentPass.bpmn'), 'utf8');
  const folder = mkdtempSync(join(tmpdir(), 'templates-'));
  const target = { 'bpmn:UserTask': 'Task_Review', 'bpmn:BusinessRuleTask': 'Task_DetermineChain', 'bpmn:ServiceTask': 'Task_StartOffboarding' };
  let checked = 0;
  for (const { file, template } of templates) {
    const type = template.elementType.value;
    if (!target[type]) {
      continue; // call activities: our fixture has none; their mappings are checked above
    }
    const { rootElement, elementsById } = await moddle.fromXML(base);
    const element = elementsById[target[type]];
    for (const key of [ 'candidateGroups', 'formKey', 'dueDate', 'decisionRef', 'resultVariable', 'delegateExpression' ]) {
      delete element[key];
    }
    const parameters = [];
    for (const property of template.properties) {
      const { binding } = property;
      if (property.value === undefined) {
        continue;
      }
      if (binding.type === 'property') {
        element.set(binding.name, property.value);
      } else if (binding.type === 'camunda:inputParameter') {
        parameters.push(moddle.create('camunda:InputParameter', { name: binding.name, value: property.value }));
      }
    }
    if (parameters.length) {
      element.extensionElements = moddle.create('bpmn:ExtensionElements', {
        values: [ moddle.create('camunda:InputOutput', { inputParameters: parameters }) ] });
    }
    const { xml } = await moddle.toXML(rootElement, { format: true });
    const saved = join(folder, 'userTaskAssignmentPass.bpmn');
    writeFileSync(saved, xml);
    const errors = (await lintFile(saved)).filter(f => f.category === 'error');
    assert.deepEqual(errors, [], `${file}: ${JSON.stringify(errors)}`);
    for (const property of template.properties.filter(p => p.value !== undefined)) {
      const written = property.binding.type === 'property' ? `${property.binding.name}="${property.value}"`
        : `<camunda:inputParameter name="${property.binding.name}">${property.value}</camunda:inputParameter>`;
      assert.ok(xml.includes(written), `${file}: ${written} not in\n${xml}`);
    }
    checked++;
  }
  assert.equal(checked, 3);
});
