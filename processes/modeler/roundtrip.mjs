// Reads every model with bpmn-moddle / dmn-moddle (the libraries under the Camunda Modeler, with the Camunda 7
// extension camunda-bpmn-moddle, so camunda: attributes are read and written as the Modeler does), fails on any
// warning (an element or attribute the modeler would not understand or would drop), checks that every flow
// node and requirement has diagram information, and writes the model back to <out>/<file name>, where the
// Java tests compile and run the written files with Kogito and Drools.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { createRequire } from 'node:module';

const camunda = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json');

const [outDir, ...roots] = process.argv.slice(2);
if (!outDir || roots.length === 0) {
  console.error('usage: node roundtrip.mjs <out dir> <model folder>...');
  process.exit(2);
}

function modelFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modelFiles(path);
    return ['.bpmn', '.dmn'].includes(extname(name)) ? [path] : [];
  });
}

function missingDiagram(definitions, kind) {
  const drawn = new Set();
  const elements = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node.$type && (node.$type.endsWith('Shape') || node.$type.endsWith('Edge')) && node[kind === 'bpmn' ? 'bpmnElement' : 'dmnElementRef']) {
      drawn.add(node[kind === 'bpmn' ? 'bpmnElement' : 'dmnElementRef'].id);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$') || key === 'bpmnElement' || key === 'dmnElementRef' || key === 'sourceRef' || key === 'targetRef'
          || key === 'attachedToRef' || key === 'requiredInput' || key === 'requiredDecision' || key === 'default'
          || key === 'incoming' || key === 'outgoing' || key === 'dataInputRefs' || key === 'dataOutputRefs') continue;
      walk(value);
    }
  };
  walk(definitions);
  const collect = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(collect); return; }
    const type = node.$type || '';
    const needsDiagram = kind === 'bpmn'
      ? /^bpmn:(.*Task|.*Event|.*Gateway|SequenceFlow|SubProcess|CallActivity)$/.test(type)
      : /^dmn:(Decision|InputData|BusinessKnowledgeModel|InformationRequirement)$/.test(type);
    if (needsDiagram) elements.push(node.id);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$') || key === 'diagrams' || key === 'dmnDI' || key === 'bpmnElement' || key === 'dmnElementRef') continue;
      if (['sourceRef', 'targetRef', 'attachedToRef', 'requiredInput', 'requiredDecision', 'default', 'incoming', 'outgoing'].includes(key)) continue;
      collect(value);
    }
  };
  collect(kind === 'bpmn' ? definitions.rootElements : definitions.drgElement);
  return elements.filter((id) => !drawn.has(id));
}

mkdirSync(outDir, { recursive: true });
let failures = 0;
for (const file of roots.flatMap(modelFiles)) {
  const kind = extname(file) === '.bpmn' ? 'bpmn' : 'dmn';
  const moddle = kind === 'bpmn' ? new BpmnModdle({ camunda }) : new DmnModdle();
  try {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'), kind === 'bpmn' ? 'bpmn:Definitions' : 'dmn:Definitions');
    const problems = warnings.map((w) => w.message);
    const undrawn = missingDiagram(rootElement, kind);
    if (undrawn.length) problems.push(`no diagram information for ${undrawn.join(', ')}`);
    if (problems.length) {
      failures++;
      console.error(`FAIL ${file}\n  ${problems.join('\n  ')}`);
      continue;
    }
    const { xml } = await moddle.toXML(rootElement, { format: true });
    writeFileSync(join(outDir, basename(file)), xml);
    console.log(`ok   ${file}`);
  } catch (error) {
    failures++;
    console.error(`FAIL ${file}\n  ${error.message}`);
  }
}
console.log(`${roots.flatMap(modelFiles).length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
