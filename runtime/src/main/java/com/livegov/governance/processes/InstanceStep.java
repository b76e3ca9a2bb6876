package com.livegov.governance.processes;

/**
 * A step of a process instance: a BPMN element by its id (the diagram's) and its label in the model.
 */
public record InstanceStep(String elementId, String name) {
}
