/**
 * Reads the few Kogito-dialect settings the rules accept during the move to the Camunda dialect: a task's data
 * input (GroupId, ActorId, TaskName; namespace, model, decision of a DMN rule task) assigned a value or a variable.
 * Returns undefined when the task has no such input, the text of a literal or #{expression}, or "#variable".
 */
function dataInput(node, name) {
  const io = node.ioSpecification;
  const input = io && (io.dataInputs || []).find(d => d.name === name);
  if (!input) {
    return undefined;
  }
  for (const association of node.dataInputAssociations || []) {
    if (association.targetRef !== input) {
      continue;
    }
    const assignment = (association.assignment || [])[0];
    if (assignment && assignment.from && typeof assignment.from.body === 'string') {
      return assignment.from.body.trim();
    }
    if ((association.sourceRef || []).length) {
      return '#' + association.sourceRef[0].id;
    }
  }
  return '';
}

function isExpression(value) {
  return value.startsWith('#') || value.includes('${');
}

module.exports = { dataInput, isExpression };
