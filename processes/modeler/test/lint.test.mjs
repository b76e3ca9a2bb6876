// Every lint rule, each with fixtures that fail it and fixtures that pass every rule (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { lintFile, decisionNames, groupNames, formNames, DEFAULTS } from '../lint/lint.mjs';
import readableIds from '../lint/rules/readable-ids.cjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = name => join(fixtures, `${name}.bpmn`);

async function errors(name) {
  return (await lintFile(fixture(name))).filter(f => f.category === 'error').map(f => `${f.rule} ${f.element}: ${f.message}`);
}

for (const name of [ 'userTaskAssignmentPass', 'userTaskAssigneePass', 'userTaskGroupExpressionPass', 'decisionInnerPass' ]) {
  test(`${name} passes every rule`, async () => {
    assert.deepEqual(await errors(name), []);
  });
}

const failing = {
  userTaskAssignmentFail: [ 'livegov/user-task-assignment Task_Review: User task has neither an assignee nor a candidate group: set "Assignee" or "Candidate groups" in the properties panel (User assignment)' ],
  userTaskUnknownGroupFail: [ 'livegov/user-task-assignment Task_Review: Candidate group "ops-managers" is not one of our groups (admin, hr, legal, ops, ops-manager, director, streamer, monitoring)' ],
  userTaskFormFail: [ 'livegov/user-task-form Task_Review: Form "Level3Approval" does not exist in forms/src/main/resources/forms' ],
  userTaskNoFormFail: [ 'livegov/user-task-form Task_Review: User task has no form: set "Form key" in the properties panel (Forms) to the name of one of our forms' ],
  decisionMissingFail: [ 'livegov/decision-exists Task_DetermineChain: Business rule task names no decision: set "Decision reference" in the properties panel (Implementation: DMN)' ],
  processIdFileNameFail: [ 'livegov/process-id-file-name someOtherProcess: Process id "someOtherProcess" differs from the file name "processIdFileNameFail.bpmn": rename one of them' ],
  readableIdsFail: [
    'livegov/readable-ids Activity_0abc123: UserTask "Review the request" has a generated id "Activity_0abc123": give it a readable id (for example Task_ReviewTheRequest)',
    'livegov/readable-ids Flow_1x2y3z4: SequenceFlow has a generated id "Flow_1x2y3z4": give it a readable id (for example Flow_WhatItDoes)'
  ],
  unsupportedAsyncFail: [ 'livegov/no-unsupported-camunda Task_StartOffboarding: Unsupported Camunda feature: asynchronous continuation (asyncBefore): Kogito runs a step in the transaction that reaches it' ],
  unsupportedExternalFail: [
    'livegov/no-unsupported-camunda Task_StartOffboarding: Unsupported Camunda feature: external tasks (camunda:topic)',
    'livegov/no-unsupported-camunda Task_StartOffboarding: Unsupported Camunda feature: external tasks (camunda:type="external"): use a delegate expression ${bean.method}'
  ],
  unsupportedListenerFail: [
    'livegov/no-unsupported-camunda Task_StartOffboarding: Unsupported Camunda feature: execution listeners',
    'livegov/no-unsupported-camunda Task_StartOffboarding: Unsupported Camunda feature: connectors'
  ]
};

for (const [ name, expected ] of Object.entries(failing)) {
  test(`${name} fails with exactly its finding`, async () => {
    assert.deepEqual(await errors(name), expected);
  });
}

test('decisionExistsFail names the missing decision', async () => {
  const found = await errors('decisionExistsFail');
  assert.equal(found.length, 1);
  assert.match(found[0], /^livegov\/decision-exists Task_DetermineChain: Decision "ApprovalChains" does not exist in rules\//);
});

test('the generated-id pattern: Modeler ids are generated, ours are not', () => {
  for (const id of [ 'Activity_0abc123', 'Gateway_1x2y3z4', 'Flow_0k2j1hd', 'Event_1ab2cd3', 'StartEvent_1', 'Process_1', 'DataObjectReference_0z9y8x7' ]) {
    assert.equal(readableIds.generated(id), true, id);
  }
  for (const id of [ 'Task_Level1Approval', 'Flow_Approved', 'Gateway_Severity', 'Event_Start', 'Task_Level2', 'Flow_ToEnd', 'Flow_reviews' ]) {
    assert.equal(readableIds.generated(id), false, id);
  }
});

test('our forms, decisions and groups are read from the repository', () => {
  assert.ok(formNames(DEFAULTS.forms).includes('Level1Approval'));
  assert.deepEqual(decisionNames(DEFAULTS.rules).filter(d => [ 'ApprovalChain', 'Measures', 'OffboardingTerms' ].includes(d)), [ 'ApprovalChain', 'Measures', 'OffboardingTerms' ]);
  assert.deepEqual(groupNames(DEFAULTS.groups), [ 'admin', 'hr', 'legal', 'ops', 'ops-manager', 'director', 'streamer', 'monitoring' ]);
});

test('the command a business user runs prints plain messages and exits 1 on errors, 0 when clean', () => {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'lint', 'lint.mjs');
  const failed = spawnSync(process.execPath, [ script, fixture('userTaskFormFail') ], { encoding: 'utf8' });
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /userTaskFormFail\.bpmn: error: Task_Review: Form "Level3Approval" does not exist in forms\/src\/main\/resources\/forms \(livegov\/user-task-form\)/);
  assert.match(failed.stdout, /1 error\(s\), 0 warning\(s\)/);
  const passed = spawnSync(process.execPath, [ script, fixture('userTaskAssignmentPass') ], { encoding: 'utf8' });
  assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  assert.match(passed.stdout, /No errors: .*userTaskAssignmentPass\.bpmn passed the check\./);
});

