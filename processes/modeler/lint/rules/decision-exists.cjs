const { is } = require('bpmnlint-utils');
const { dataInput } = require('./kogito-dialect.cjs');

/**
 * Every business-rule task evaluates one of our decisions: camunda:decisionRef names a DMN model of rules/
 * (config.decisions: the model names).
 */
module.exports = function(config = {}) {
  const decisions = config.decisions || [];

  function check(node, reporter) {
    if (!is(node, 'bpmn:BusinessRuleTask')) {
      return;
    }
    // Kogito's dialect (implementation DMN, data input "decision") is accepted while the sources move
    const kogito = node.implementation === 'http://www.jboss.org/drools/dmn';
    const ref = (node.get('camunda:decisionRef') || (kogito && dataInput(node, 'decision')) || '').trim();
    if (!ref) {
      reporter.report(node.id, 'Business rule task names no decision: set "Decision reference" in the properties panel (Implementation: DMN)');
      return;
    }
    if (!decisions.includes(ref)) {
      reporter.report(node.id, `Decision "${ref}" does not exist in rules/ (our decisions: ${decisions.join(', ')})`);
    }
    if (!kogito && !(node.get('camunda:resultVariable') || '').trim()) {
      reporter.report(node.id, `Business rule task does not say where the result of "${ref}" goes: set "Result variable"`);
    }
  }

  return { check };
};
