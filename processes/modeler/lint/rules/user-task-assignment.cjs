const { is } = require('bpmnlint-utils');
const { dataInput, isExpression } = require('./kogito-dialect.cjs');

/**
 * Every user task names who does it: camunda:assignee or camunda:candidateGroups. A literal group must be one of
 * our groups (config.groups); an expression such as ${level1Group} is resolved when the task is created.
 */
module.exports = function(config = {}) {
  const groups = config.groups || [];

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    // the Kogito dialect (GroupId / ActorId data inputs) is accepted while the sources move to the Camunda dialect
    const assignee = (node.get('camunda:assignee') || dataInput(node, 'ActorId') || '').trim();
    const candidateGroups = (node.get('camunda:candidateGroups') || dataInput(node, 'GroupId') || '').trim();
    if (!assignee && !candidateGroups) {
      reporter.report(node.id, 'User task has neither an assignee nor a candidate group: set "Assignee" or "Candidate groups" in the properties panel (User assignment)');
      return;
    }
    if (candidateGroups && groups.length && !isExpression(candidateGroups)) {
      for (const group of candidateGroups.split(',').map(g => g.trim()).filter(Boolean)) {
        if (!groups.includes(group)) {
          reporter.report(node.id, `Candidate group "${group}" is not one of our groups (${groups.join(', ')})`);
        }
      }
    }
  }

  return { check };
};
