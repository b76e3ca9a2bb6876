const { is, isAny } = require('bpmnlint-utils');

/**
 * No Camunda 7 feature that our build cannot translate to Kogito. What is supported: user-task assignment,
 * candidate users and groups, form key, due date and priority; decisionRef with resultVariable; service tasks with
 * camunda:class or camunda:delegateExpression; call activities with camunda:in/out; camunda:inputOutput mappings;
 * ${...} timer and condition expressions; camunda:properties; versionTag and historyTimeToLive (kept, without effect).
 */
const UNSUPPORTED_ATTRIBUTES = {
  asyncBefore: 'asynchronous continuation (asyncBefore): Kogito runs a step in the transaction that reaches it',
  asyncAfter: 'asynchronous continuation (asyncAfter): Kogito runs a step in the transaction that reaches it',
  async: 'asynchronous continuation (async)',
  exclusive: 'exclusive jobs (camunda:exclusive)',
  jobPriority: 'job priorities (camunda:jobPriority)',
  taskPriority: 'external task priorities (camunda:taskPriority)',
  topic: 'external tasks (camunda:topic)',
  expression: 'expression service tasks (camunda:expression): use a delegate expression ${bean.method}',
  resource: 'external scripts (camunda:resource): write the script inline or use a service task',
  candidateStarterGroups: 'starter groups (camunda:candidateStarterGroups): who may start a process is in SecurityConfig',
  candidateStarterUsers: 'starter users (camunda:candidateStarterUsers): who may start a process is in SecurityConfig',
  calledElementBinding: 'call activity bindings (camunda:calledElementBinding): one version of each process is deployed',
  calledElementVersion: 'call activity versions (camunda:calledElementVersion): one version of each process is deployed',
  calledElementVersionTag: 'call activity version tags (camunda:calledElementVersionTag)',
  calledElementTenantId: 'tenants (camunda:calledElementTenantId)',
  caseRef: 'CMMN cases (camunda:caseRef)',
  decisionRefBinding: 'decision bindings (camunda:decisionRefBinding): one version of each decision is deployed',
  decisionRefVersion: 'decision versions (camunda:decisionRefVersion)',
  decisionRefTenantId: 'tenants (camunda:decisionRefTenantId)',
  mapDecisionResult: 'decision result mappings (camunda:mapDecisionResult): the result variable holds the decision result',
  variableMappingClass: 'variable mapping classes (camunda:variableMappingClass): use camunda:in/out mappings',
  variableMappingDelegateExpression: 'variable mapping delegates (camunda:variableMappingDelegateExpression): use camunda:in/out mappings',
  formRef: 'Camunda Forms references (camunda:formRef): set "Form key" to one of our forms',
  errorCodeVariable: 'error code variables (camunda:errorCodeVariable)',
  errorMessageVariable: 'error message variables (camunda:errorMessageVariable)',
  escalationCodeVariable: 'escalation code variables (camunda:escalationCodeVariable)',
  initiator: 'initiator variables (camunda:initiator): the starter is in the audit trail'
};

const UNSUPPORTED_EXTENSIONS = {
  'camunda:ExecutionListener': 'execution listeners',
  'camunda:TaskListener': 'task listeners',
  'camunda:Connector': 'connectors',
  'camunda:FormData': 'generated forms (camunda:formData): set "Form key" to one of our forms',
  'camunda:FailedJobRetryTimeCycle': 'job retry cycles (camunda:failedJobRetryTimeCycle)',
  'camunda:ErrorEventDefinition': 'error event definitions on external tasks'
};

module.exports = function() {

  function check(node, reporter) {
    if (!node.$descriptor || !node.id || !isAny(node, [ 'bpmn:FlowElement', 'bpmn:Process', 'bpmn:EventDefinition' ])) {
      return;
    }
    for (const [ name, what ] of Object.entries(UNSUPPORTED_ATTRIBUTES)) {
      // only what the file sets: moddle answers get() with the Camunda defaults (decisionRefBinding "latest", ...)
      if (!Object.prototype.hasOwnProperty.call(node, name)) {
        continue;
      }
      const value = node[name];
      if (value !== undefined && value !== false && value !== '') {
        if (name === 'exclusive' && value === true) {
          continue; // the default, written by some Modeler versions
        }
        reporter.report(node.id, `Unsupported Camunda feature: ${what}`);
      }
    }
    if (node.type === 'external') {
      reporter.report(node.id, 'Unsupported Camunda feature: external tasks (camunda:type="external"): use a delegate expression ${bean.method}');
    }
    if (is(node, 'bpmn:ScriptTask') && node.scriptFormat && !/^(java|mvel)$/i.test(node.scriptFormat)) {
      reporter.report(node.id, `Unsupported Camunda feature: scripts in ${node.scriptFormat} (Kogito runs java or mvel)`);
    }
    const extensions = node.extensionElements && node.extensionElements.values || [];
    for (const extension of extensions) {
      const what = UNSUPPORTED_EXTENSIONS[extension.$type];
      if (what) {
        reporter.report(node.id, `Unsupported Camunda feature: ${what}`);
      }
      if (extension.$type === 'camunda:InputOutput') {
        for (const parameter of [ ...(extension.inputParameters || []), ...(extension.outputParameters || []) ]) {
          if (parameter.definition && is(parameter.definition, 'camunda:Script')) {
            reporter.report(node.id, `Unsupported Camunda feature: script mappings (parameter "${parameter.name}"): use a \${...} expression`);
          }
        }
      }
    }
  }

  return { check };
};
