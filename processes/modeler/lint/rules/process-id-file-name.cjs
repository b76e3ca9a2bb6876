const { is } = require('bpmnlint-utils');

/**
 * The process id equals the file name (accountActionApproval.bpmn holds process accountActionApproval):
 * Kogito and our pages find a process by its id. config.fileName is the file's name without ".bpmn".
 */
module.exports = function(config = {}) {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Process') || !config.fileName) {
      return;
    }
    if (node.id !== config.fileName) {
      reporter.report(node.id, `Process id "${node.id}" differs from the file name "${config.fileName}.bpmn": rename one of them`);
    }
  }

  return { check };
};
