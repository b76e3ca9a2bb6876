const { is, isAny } = require('bpmnlint-utils');

/**
 * Element ids are readable (Task_Level1Approval, Flow_Approved), not the ones the Modeler generates
 * (Activity_0abc123, Gateway_1x2y3z4, Flow_0k2j1hd, StartEvent_1, Process_1): the id is what running instances,
 * the history, the task registry and migration plans refer to.
 */
const GENERATED = [
  /^[A-Za-z]+_[0-9a-z]{7}$/, // bpmn-js: <Type>_<7 random base-36 characters>
  /^[A-Za-z]+_\d+$/ // the Modeler's first elements: StartEvent_1, Process_1
];

function generated(id) {
  return GENERATED.some(pattern => pattern.test(id)) && /\d/.test(id.slice(id.indexOf('_') + 1));
}

module.exports = function() {

  function check(node, reporter) {
    if (!isAny(node, [ 'bpmn:FlowElement', 'bpmn:Process', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow', 'bpmn:Message', 'bpmn:Signal', 'bpmn:Error', 'bpmn:Escalation' ])) {
      return;
    }
    if (node.id && generated(node.id)) {
      const type = node.$type.replace(/^bpmn:/, '');
      reporter.report(node.id, `${type}${node.name ? ` "${node.name}"` : ''} has a generated id "${node.id}": give it a readable id (for example ${suggestion(node)})`);
    }
  }

  return { check };
};

function suggestion(node) {
  const prefix = is(node, 'bpmn:SequenceFlow') ? 'Flow' : is(node, 'bpmn:Gateway') ? 'Gateway'
    : is(node, 'bpmn:Event') ? 'Event' : is(node, 'bpmn:Process') ? 'Process' : 'Task';
  const words = (node.name || 'WhatItDoes').replace(/[^A-Za-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean)
    .map(w => w[0].toUpperCase() + w.slice(1)).join('');
  return `${prefix}_${words || 'WhatItDoes'}`;
}

module.exports.generated = generated;
