const { is } = require('bpmnlint-utils');
const { dataInput } = require('./kogito-dialect.cjs');

/**
 * Every user task shows one of our forms: camunda:formKey names a form of forms/src/main/resources/forms
 * (config.forms: the form names, without ".form").
 */
module.exports = function(config = {}) {
  const forms = config.forms || [];

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    // Kogito's dialect names the form by the task name (TaskName data input), accepted during the move
    const formKey = (node.get('camunda:formKey') || dataInput(node, 'TaskName') || '').trim();
    if (!formKey) {
      reporter.report(node.id, 'User task has no form: set "Form key" in the properties panel (Forms) to the name of one of our forms');
      return;
    }
    const name = formKey.replace(/\.form$/, '');
    if (!forms.includes(name)) {
      reporter.report(node.id, `Form "${formKey}" does not exist in forms/src/main/resources/forms`);
    }
  }

  return { check };
};
